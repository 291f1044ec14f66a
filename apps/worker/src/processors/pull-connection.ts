import { pullConnection } from '@callbridge/sync';
import type { PullPayload } from '../queues/catalog.js';
import { openEngineConnection, type PushChangeDeps } from './push-change.js';
import { failFastWhenHopeless } from './job-errors.js';
import { BUSY, withRedisLock } from './redis-lock.js';

const LOCK_TTL_MS = 30_000;

/**
 * One pull of a connection, at most one at a time per connection across all workers: a pull that
 * finds another running skips (the next tick catches up), so slow systems never pile up pulls.
 */
export async function pullConnectionJob(deps: PushChangeDeps, payload: PullPayload) {
  const outcome = await withRedisLock(
    deps.redis,
    `callbridge:lock:pull:${payload.connectionId}`,
    LOCK_TTL_MS,
    async () => {
      const connection = await failFastWhenHopeless(() => openEngineConnection(deps, payload.connectionId));
      try {
        return await failFastWhenHopeless(() => pullConnection(deps.db, connection, payload.trigger));
      } finally {
        await connection.close();
      }
    },
  );
  return outcome === BUSY ? { skipped: 'a pull is running' } : outcome;
}
