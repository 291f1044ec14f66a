import type { Config } from '@callbridge/config';
import type { AdapterRegistry } from '@callbridge/sync';
import type { BlobStore, PrismaClient } from '@callbridge/db';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Everything the API needs from outside; `buildServer` creates nothing global of its own. */
export interface ApiDeps {
  config: Config;
  db: PrismaClient;
  /** Used by /health to see the queue's Redis. */
  redis: Redis;
  logger: Logger;
  /** Where task attachments' bytes are kept. */
  blobs: BlobStore;
  /** The adapters connections may use (adapters/index.ts). */
  adapters: AdapterRegistry;
  /** BullMQ key prefix of the worker's queues (default `bull`); tests give each file its own. */
  queuePrefix?: string;
}
