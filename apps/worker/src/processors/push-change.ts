import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@callbridge/db';
import {
  openConnection,
  pushCallChanges,
  type AdapterRegistry,
  type CredentialsKey,
  type SyncObserver,
} from '@callbridge/sync';
import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PushChangePayload } from '../queues/catalog.js';

const LOCK_TTL_MS = 120_000;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface PushChangeDeps {
  db: PrismaClient;
  redis: Redis;
  adapters: AdapterRegistry;
  keys: readonly CredentialsKey[];
  logger: Logger;
  observer: SyncObserver;
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
  const lockKey = `callbridge:lock:push:${payload.connectionId}:${payload.callId}`;
  const owner = randomUUID();
  if ((await deps.redis.set(lockKey, owner, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
    await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 300), token);
    throw new DelayedError();
  }
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
    return await pushCallChanges(deps.db, connection, {
      connectionId: payload.connectionId,
      callId: BigInt(payload.callId),
      outboxId: BigInt(payload.outboxId),
    });
  } finally {
    await connection.close();
    await deps.redis.eval(RELEASE, 1, lockKey, owner);
  }
}
