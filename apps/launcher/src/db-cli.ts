import { loadConfig, LOG_REDACT_PATHS, maskUrl } from '@callbridge/config';
import { createMigration, migrateDeploy } from '@callbridge/db/migrations';
import { startPostgres } from '@callbridge/testkit';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { startEmbeddedDatabase } from './embedded-database.js';

const USAGE = `usage:
  pnpm db:migrate                       apply pending migrations (DATABASE_URL, or the embedded database)
  pnpm db:migration:new <name> [--empty] write prisma/migrations/<ts>_<name> from schema changes
                                        (--empty: an empty one, for hand-written SQL)`;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const logger = pino({ name: 'db', redact: LOG_REDACT_PATHS });
const [command, ...rest] = process.argv.slice(2);

async function deploy(): Promise<void> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    logger.info({ database: maskUrl(config.DATABASE_URL) }, 'migrating DATABASE_URL');
    await migrateDeploy({ connectionString: config.DATABASE_URL, logger });
    return;
  }
  const embedded = await startEmbeddedDatabase(path.resolve(repoRoot, config.DATA_DIR));
  try {
    logger.info('migrating the embedded database');
    await migrateDeploy({ connectionString: embedded.databaseUrl, logger });
  } finally {
    await embedded.server.stop();
  }
}

async function newMigration(): Promise<void> {
  const name = rest.find((arg) => !arg.startsWith('--'));
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error(`a migration name of [a-z0-9_] is required\n${USAGE}`);
  // A throwaway server: the schema engine replays the existing migrations into a shadow database.
  const scratch = await startPostgres();
  try {
    const folder = await createMigration({
      connectionString: scratch.url,
      name,
      schemaPath: path.join(repoRoot, 'prisma/schema.prisma'),
      empty: rest.includes('--empty'),
    });
    logger.info(
      { folder: folder && path.relative(repoRoot, folder) },
      folder ? 'migration written' : 'schema has no changes',
    );
  } finally {
    await scratch.stop();
  }
}

const commands: Record<string, () => Promise<void>> = { deploy, new: newMigration };
const run = command ? commands[command] : undefined;
if (!run) {
  console.error(USAGE);
  process.exit(2);
}
try {
  await run();
} catch (error) {
  logger.error({ err: error }, 'db command failed');
  process.exitCode = 1;
}
