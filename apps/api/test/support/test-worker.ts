import { createAdapterRegistry } from '@callbridge/sync';
import { testQueuePrefix, testRedisUrl } from '@callbridge/testkit/vitest';
import { buildWorker, type RunningWorker, type WorkerDeps } from '@callbridge/worker';
import { pino } from 'pino';
import type { ApiHarness } from './api-harness.js';

/** The real worker on the harness's database and the run's Redis, with the given test adapters. */
export function startTestWorker(
  api: ApiHarness,
  adapters: readonly object[],
  options: Partial<
    Pick<WorkerDeps, 'queuePrefix' | 'relayPollIntervalMs' | 'scheduleRefreshMs' | 'redisUrl' | 'metricsPublishMs'>
  > = {},
): Promise<RunningWorker> {
  return buildWorker({
    config: api.config,
    db: api.db,
    logger: pino({ level: 'silent' }),
    adapters: createAdapterRegistry(adapters),
    databaseUrl: api.config.DATABASE_URL!,
    redisUrl: testRedisUrl(),
    queuePrefix: testQueuePrefix(),
    relayPollIntervalMs: 200,
    blobs: api.blobs,
    ...options,
  });
}
