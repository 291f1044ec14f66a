import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Finds `redis-server` on PATH (installed by scripts/setup.sh); a clear error when missing. */
export function redisServerBinary(): string {
  const candidates = [
    process.env.REDIS_SERVER_BINARY,
    ...(process.env.PATH ?? '').split(':').map((dir) => path.join(dir, 'redis-server')),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  throw new Error('redis-server was not found on PATH. Run `bash scripts/setup.sh` (it installs it) or set REDIS_URL.');
}
