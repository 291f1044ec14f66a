import { loadConfig, LOG_REDACT_PATHS, maskUrl } from '@callbridge/config';
import { migrateDeploy } from '@callbridge/db/migrations';
import { startRedis } from '@callbridge/testkit';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startTsProcess, stopProcess } from './child-process.js';
import { startEmbeddedDatabase } from './embedded-database.js';
import { loadOrCreateLocalSecrets } from './local-secrets.js';

/**
 * `pnpm start`: the whole of CallBridge from one command. With DATABASE_URL / REDIS_URL unset it
 * runs its own PostgreSQL and Redis with their data under DATA_DIR, applies migrations, then runs
 * the API and the worker as two processes. Ctrl-C stops the API and worker first, then the servers.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = loadConfig();
const logger = pino({ name: 'launcher', level: config.LOG_LEVEL, redact: LOG_REDACT_PATHS });
const dataDir = path.resolve(repoRoot, config.DATA_DIR);
await mkdir(dataDir, { recursive: true });

const cleanups: (() => Promise<void>)[] = [];

async function prepareDatabase(): Promise<string> {
  if (config.DATABASE_URL) {
    logger.info({ database: maskUrl(config.DATABASE_URL) }, 'database: using DATABASE_URL');
    return config.DATABASE_URL;
  }
  const { server, databaseUrl } = await startEmbeddedDatabase(dataDir);
  cleanups.unshift(() => server.stop());
  logger.info({ dataDir: path.join(dataDir, 'pg'), port: server.port }, 'database: embedded PostgreSQL started');
  return databaseUrl;
}

async function prepareRedis(): Promise<string> {
  if (config.REDIS_URL) {
    logger.info({ redis: maskUrl(config.REDIS_URL) }, 'queue: BullMQ on REDIS_URL');
    return config.REDIS_URL;
  }
  const server = await startRedis({ dataDir: path.join(dataDir, 'redis') });
  cleanups.unshift(() => server.stop());
  logger.info(
    { dataDir: path.join(dataDir, 'redis'), port: server.port },
    'queue: BullMQ on a local redis-server (AOF on, noeviction)',
  );
  return server.url;
}

async function stopAll(code: number): Promise<never> {
  for (const cleanup of cleanups) {
    await cleanup().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
  }
  logger.info('stopped');
  process.exit(code);
}

let stopping = false;
function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping CallBridge');
  void stopAll(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  const databaseUrl = await prepareDatabase();
  const redisUrl = await prepareRedis();
  await migrateDeploy({ connectionString: databaseUrl, logger });

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  const missing = ['ADMIN_API_KEY', 'EXTERNAL_SYSTEM_KEYS', 'CREDENTIALS_KEYS'].filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const { secrets, folder } = await loadOrCreateLocalSecrets(dataDir);
    for (const name of missing) env[name] = secrets[name as keyof typeof secrets];
    logger.info({ generated: missing, folder }, 'secrets not in the environment were taken from local files');
  }

  for (const app of ['worker', 'api'] as const) {
    const child = startTsProcess(path.join(repoRoot, `apps/${app}/src/main.ts`), env);
    cleanups.unshift(() => stopProcess(child));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      stopping = true;
      logger.error({ app, code, signal }, `${app} exited unexpectedly; stopping CallBridge`);
      void stopAll(1);
    });
  }
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'CallBridge is starting: API and worker launched');
} catch (error) {
  logger.fatal({ err: error }, 'CallBridge could not start');
  await stopAll(1);
}
