import type { BlobStore, PrismaClient } from '@callbridge/db';
import {
  openConnection,
  type AdapterRegistry,
  type CredentialsKey,
  type KeptCookieJars,
  type OpenedConnection,
  type SyncObserver,
} from '@callbridge/sync';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { failFastWhenHopeless } from './job-errors.js';

/** What the push and pull processors hand the engine. */
export interface EngineDeps {
  db: PrismaClient;
  redis: Redis;
  adapters: AdapterRegistry;
  keys: readonly CredentialsKey[];
  logger: Logger;
  observer: SyncObserver;
  cookieJars?: KeptCookieJars;
  blobs?: BlobStore;
}

/**
 * Opens the connection with everything the engine gives it (shared rate limits, metrics, kept
 * session cookies, attachment bytes), runs `work` with it and closes it. Failures retrying cannot
 * mend fail the job at once (see job-errors).
 */
export function withEngineConnection<T>(
  deps: EngineDeps,
  connectionId: string,
  work: (connection: OpenedConnection) => Promise<T>,
): Promise<T> {
  const { db, adapters, keys, logger, redis, observer, cookieJars, blobs } = deps;
  return failFastWhenHopeless(async () => {
    const connection = await openConnection(
      { db, registry: adapters, keys, logger, redis, observer, cookieJars, blobs },
      connectionId,
    );
    try {
      return await work(connection);
    } finally {
      await connection.close();
    }
  });
}
