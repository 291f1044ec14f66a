export type { ServerHandle } from './server-handle.js';
export type { RedisHandle } from './redis/redis-handle.js';
export { startPostgres } from './postgres/start-postgres.js';
export { startRedis } from './redis/start-redis.js';
export { freePort } from './free-port.js';
export { waitUntil } from './wait-until.js';
export { createTemplateDatabase, cloneDatabase, ensureDatabase, type TestDatabase } from './postgres/databases.js';
export { seededRandom } from './seeded-random.js';
