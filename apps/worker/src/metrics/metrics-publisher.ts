import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** Where workers leave their metrics for the API's `/metrics` (one key per worker process). */
export const workerMetricsKey = (prefix: string, workerId = '*') => `${prefix}:metrics:worker:${workerId}`;

/**
 * Every few seconds writes the worker's metrics (prom-client's JSON form) to Redis with a short
 * expiry; the API aggregates the keys of live workers into its `/metrics` answer. A worker that
 * dies drops out when its key expires.
 */
export function publishWorkerMetrics(
  redis: Redis,
  registry: Registry,
  prefix: string,
  logger: Logger,
  intervalMs = 5_000,
): { stop(): Promise<void> } {
  const key = workerMetricsKey(prefix, randomUUID());
  const publish = async () => {
    try {
      await redis.set(key, JSON.stringify(await registry.getMetricsAsJSON()), 'PX', intervalMs * 3);
    } catch (error) {
      logger.warn({ err: error }, 'could not publish the worker metrics');
    }
  };
  void publish();
  const timer = setInterval(() => void publish(), intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await redis.del(key).catch(() => undefined);
    },
  };
}
