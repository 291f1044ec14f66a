export { bpmAdapter } from './manifest.js';
export { bpmConfigSchema, type BpmConfig } from './config.js';
