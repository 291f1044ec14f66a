import { pullConnection } from '@callbridge/sync';
import type { PullPayload } from '../queues/catalog.js';
import { withEngineConnection, type EngineDeps } from './engine-connection.js';
import { BUSY, withRedisLock } from './redis-lock.js';

const LOCK_TTL_MS = 30_000;

/**
 * One pull of a connection, at most one at a time per connection across all workers: a pull that
 * finds another running skips (the next tick catches up), so slow systems never pile up pulls.
 */
export async function pullConnectionJob(deps: EngineDeps, payload: PullPayload) {
  const outcome = await withRedisLock(deps.redis, `callbridge:lock:pull:${payload.connectionId}`, LOCK_TTL_MS, () =>
    withEngineConnection(deps, payload.connectionId, (connection) =>
      pullConnection(deps.db, connection, payload.trigger),
    ),
  );
  return outcome === BUSY ? { skipped: 'a pull is running' } : outcome;
}
