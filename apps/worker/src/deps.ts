import type { Config } from '@callbridge/config';
import type { BlobStore, PrismaClient } from '@callbridge/db';
import type { AdapterRegistry } from '@callbridge/sync';
import type { Logger } from 'pino';

export interface WorkerDeps {
  config: Config;
  db: PrismaClient;
  databaseUrl: string;
  redisUrl: string;
  logger: Logger;
  /** The adapters connections use (adapters/index.ts). */
  adapters: AdapterRegistry;
  /** Attachment bytes (default: the API's disk store under DATA_DIR/blobs). */
  blobs?: BlobStore;
  /** Overrides for tests; production uses the defaults. */
  relayPollIntervalMs?: number;
  /** How often the pull schedules are matched to the connections (default 5 s). */
  scheduleRefreshMs?: number;
  /** How often the worker's metrics are handed to the API (default 5 s). */
  metricsPublishMs?: number;
  /** BullMQ key prefix (default: config QUEUE_PREFIX); tests sharing one Redis each use their own. */
  queuePrefix?: string;
}
