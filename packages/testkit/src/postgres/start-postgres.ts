import { dockerAvailable } from '../docker-available.js';
import type { ServerHandle } from '../server-handle.js';
import { startContainerPostgres } from './container-postgres.js';
import { startLocalPostgres, type LocalPostgresOptions } from './local-postgres.js';

/**
 * A real PostgreSQL server. Throwaway servers (no dataDir) run in a container when a Docker engine
 * answers, otherwise locally; a server with a dataDir (the embedded default of `pnpm start`) is
 * always local so its data stays where the user put it.
 */
export async function startPostgres(options: LocalPostgresOptions = {}): Promise<ServerHandle> {
  if (!options.dataDir && (await dockerAvailable())) return startContainerPostgres();
  return startLocalPostgres(options);
}
