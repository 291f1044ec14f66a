import type { BlobStore, PrismaClient } from '@callbridge/db';
import {
  openConnection,
  pushCallChanges,
  type AdapterRegistry,
  type CredentialsKey,
  type SyncObserver,
} from '@callbridge/sync';
import type { ConnectionCookieJar } from '@callbridge/http';
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PushChangePayload } from '../queues/catalog.js';
import { failFastWhenHopeless } from './job-errors.js';
import { BUSY, withRedisLock } from './redis-lock.js';

const LOCK_TTL_MS = 15_000;

export interface PushChangeDeps {
  db: PrismaClient;
  redis: Redis;
  adapters: AdapterRegistry;
  keys: readonly CredentialsKey[];
  logger: Logger;
  observer: SyncObserver;
  cookieJars?: Map<string, ConnectionCookieJar>;
  blobs?: BlobStore;
}

/**
 * Runs one push job under a lock on (connection, call), so two pushes of one call to one system
 * never race; a job that finds the lock taken waits a moment in the delayed set and tries again.
 */
export async function pushChange(
  deps: PushChangeDeps,
  job: Job,
  token: string | undefined,
  payload: PushChangePayload,
) {
  const outcome = await withRedisLock(
    deps.redis,
    `callbridge:lock:push:${payload.connectionId}:${payload.callId}`,
    LOCK_TTL_MS,
    async () => {
      const connection = await failFastWhenHopeless(() => openEngineConnection(deps, payload.connectionId));
      try {
        return await failFastWhenHopeless(() =>
          pushCallChanges(deps.db, connection, {
            connectionId: payload.connectionId,
            callId: BigInt(payload.callId),
            outboxId: BigInt(payload.outboxId),
          }),
        );
      } finally {
        await connection.close();
      }
    },
  );
  if (outcome === BUSY) {
    await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 300), token);
    throw new DelayedError();
  }
  return outcome;
}

/** The connection with everything the engine hands it: shared rate limits, metrics, credentials keys. */
export function openEngineConnection(deps: PushChangeDeps, connectionId: string) {
  const { db, adapters, keys, logger, redis, observer, cookieJars, blobs } = deps;
  return openConnection({ db, registry: adapters, keys, logger, redis, observer, cookieJars, blobs }, connectionId);
}
