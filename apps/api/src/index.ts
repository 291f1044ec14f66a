export { buildServer, BODY_LIMIT_BYTES } from './app.js';
export type { ApiDeps } from './deps.js';
