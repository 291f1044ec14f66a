import { pushCallChanges } from '@callbridge/sync';
import { DelayedError, type Job } from 'bullmq';
import type { PushChangePayload } from '../queues/catalog.js';
import { withEngineConnection, type EngineDeps } from './engine-connection.js';
import { BUSY, withRedisLock } from './redis-lock.js';

const LOCK_TTL_MS = 15_000;

/**
 * Runs one push job under a lock on (connection, call), so two pushes of one call to one system
 * never race; a job that finds the lock taken waits a moment in the delayed set and tries again.
 */
export async function pushChange(deps: EngineDeps, job: Job, token: string | undefined, payload: PushChangePayload) {
  const outcome = await withRedisLock(
    deps.redis,
    `callbridge:lock:push:${payload.connectionId}:${payload.callId}`,
    LOCK_TTL_MS,
    () =>
      withEngineConnection(deps, payload.connectionId, (connection) =>
        pushCallChanges(deps.db, connection, {
          connectionId: payload.connectionId,
          callId: BigInt(payload.callId),
          outboxId: BigInt(payload.outboxId),
        }),
      ),
  );
  if (outcome === BUSY) {
    await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 300), token);
    throw new DelayedError();
  }
  return outcome;
}
