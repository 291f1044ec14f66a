import path from 'node:path';
import { loadConfig } from '@callbridge/config';
import { createDb } from '@callbridge/db';
import { rotateCredentialsKey } from '@callbridge/sync';
import { ensureDatabase, startPostgres } from '@callbridge/testkit';
import { progressBar, type CliIo } from './cli-io.js';
import { CliError } from './admin-client.js';
import type { CliSettings } from './cli-settings.js';

/**
 * `credentials rotate-key`: re-encrypts every connection under the first of CREDENTIALS_KEYS, online.
 * It needs the database: DATABASE_URL, or the embedded one of `pnpm start` under DATA_DIR (found
 * running, or started for the command and stopped after it).
 */
export async function rotateKeyCommand(settings: CliSettings, io: CliIo, json: boolean): Promise<void> {
  const config = loadConfig(settings.env);
  if (!config.CREDENTIALS_KEYS?.length) throw new CliError('CREDENTIALS_KEYS is not set and .data/secrets has none');
  const server = config.DATABASE_URL ? null : await startPostgres({ dataDir: path.join(settings.dataDir, 'pg') });
  const databaseUrl = config.DATABASE_URL ?? (await ensureDatabase(server!.url, 'callbridge'));
  const db = createDb({ connectionString: databaseUrl, maxConnections: 2 });
  try {
    const { rotated } = await rotateCredentialsKey(db, config.CREDENTIALS_KEYS, ({ done, total }) =>
      json ? undefined : progressBar(io, 'rotating')(done, total),
    );
    const keyId = config.CREDENTIALS_KEYS[0]!.id;
    io.out(json ? JSON.stringify({ rotated, keyId }) : `${rotated} connection(s) re-encrypted under key "${keyId}"`);
  } finally {
    await db.$disconnect();
    // Leave a database `pnpm start` runs alone; stop only one started for this command.
    if (server && !server.reused) await server.stop();
  }
}
