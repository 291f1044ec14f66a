import { loadConfig, LOG_REDACT_PATHS } from '@callbridge/config';
import { seedExternalSystemKeys } from '@callbridge/core';
import { createDb, DiskBlobStore } from '@callbridge/db';
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { defaultAdapterRegistry } from '@callbridge/adapters';
import { buildServer } from './app.js';

const config = loadConfig();
const logger = pino({ name: 'api', level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS });
if (!config.DATABASE_URL || !config.REDIS_URL) {
  logger.fatal('DATABASE_URL and REDIS_URL must be set (`pnpm start` sets them for the embedded default)');
  process.exit(1);
}

const db = createDb({ connectionString: config.DATABASE_URL });
// Fail fast when Redis is down: /health must answer "down" quickly, not hang on a retry queue.
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
redis.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
await redis.connect().catch((error: Error) => logger.warn({ err: error.message }, 'redis not reachable at start'));

await seedExternalSystemKeys(db, config.EXTERNAL_SYSTEM_KEYS ?? []);
if (!config.EXTERNAL_SYSTEM_KEYS?.length)
  logger.warn('EXTERNAL_SYSTEM_KEYS is empty: no dispatch system can call the API');

const blobs = new DiskBlobStore(path.resolve(config.DATA_DIR, 'blobs'));
const app = await buildServer({ config, db, redis, logger, blobs, adapters: defaultAdapterRegistry() });
await app.listen({ port: config.PORT, host: config.HOST });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'api stopping');
  await app.close();
  await db.$disconnect();
  redis.disconnect();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
