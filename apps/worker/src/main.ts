import { loadConfig, LOG_REDACT_PATHS } from '@callbridge/config';
import { createDb } from '@callbridge/db';
import { pino } from 'pino';
import { defaultAdapterRegistry } from '@callbridge/adapters';
import { buildWorker } from './worker.js';

const config = loadConfig();
const logger = pino({ name: 'worker', level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS });
if (!config.DATABASE_URL || !config.REDIS_URL) {
  logger.fatal('DATABASE_URL and REDIS_URL must be set (`pnpm start` sets them for the embedded default)');
  process.exit(1);
}

const db = createDb({ connectionString: config.DATABASE_URL });
const worker = await buildWorker({
  config,
  db,
  logger,
  adapters: defaultAdapterRegistry(),
  databaseUrl: config.DATABASE_URL,
  redisUrl: config.REDIS_URL,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping: finishing jobs in hand');
  await worker.close();
  await db.$disconnect();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
