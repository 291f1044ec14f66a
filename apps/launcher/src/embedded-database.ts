import { ensureDatabase, startPostgres, type ServerHandle } from '@callbridge/testkit';
import path from 'node:path';

export const EMBEDDED_DATABASE_NAME = 'callbridge';

export interface EmbeddedDatabase {
  server: ServerHandle;
  databaseUrl: string;
}

/** The embedded default: a PostgreSQL cluster under `<dataDir>/pg` holding the `callbridge` database. */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const server = await startPostgres({ dataDir: path.join(dataDir, 'pg') });
  return { server, databaseUrl: await ensureDatabase(server.url, EMBEDDED_DATABASE_NAME) };
}
