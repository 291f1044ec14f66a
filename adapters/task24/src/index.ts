export { task24Adapter } from './manifest.js';
export { task24ConfigSchema, type Task24Config } from './config.js';
