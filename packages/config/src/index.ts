export { envSchema, SECRET_VARIABLES, type Config, type Env } from './env-schema.js';
export { loadConfig, ConfigError } from './load-config.js';
export { LOG_REDACT_PATHS, maskUrl } from './redact.js';
