import { randomUUID } from 'node:crypto';
import { openConnection, pullConnection } from '@callbridge/sync';
import type { PullPayload } from '../queues/catalog.js';
import type { PushChangeDeps } from './push-change.js';

const LOCK_TTL_MS = 10 * 60_000;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * One pull of a connection, at most one at a time per connection across all workers: a pull that
 * finds another running skips (the next tick catches up), so slow systems never pile up pulls.
 */
export async function pullConnectionJob(deps: PushChangeDeps, payload: PullPayload) {
  const lockKey = `callbridge:lock:pull:${payload.connectionId}`;
  const owner = randomUUID();
  if ((await deps.redis.set(lockKey, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return { skipped: 'a pull is running' };
  try {
    const connection = await openConnection(
      {
        db: deps.db,
        registry: deps.adapters,
        keys: deps.keys,
        logger: deps.logger,
        redis: deps.redis,
        observer: deps.observer,
      },
      payload.connectionId,
    );
    try {
      return await pullConnection(deps.db, connection, payload.trigger);
    } finally {
      await connection.close();
    }
  } finally {
    await deps.redis.eval(RELEASE, 1, lockKey, owner);
  }
}
