export { buildServer, BODY_LIMIT_BYTES, type App } from './app.js';
export type { ApiDeps } from './deps.js';
