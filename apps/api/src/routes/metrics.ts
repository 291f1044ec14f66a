import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workerMetricsKey } from '@callbridge/worker';
import type { Redis } from 'ioredis';
import {
  AggregatorRegistry,
  Gauge,
  Registry,
  collectDefaultMetrics,
  type MetricObjectWithValues,
  type MetricValue,
} from 'prom-client';
import type { ApiDeps } from '../deps.js';

/**
 * `GET /metrics` (Prometheus text). The outbox and job figures are read from the database at
 * scrape time, so they are right however many API and worker processes run; per-process figures
 * (event loop, memory) come from prom-client's defaults. One registry per server, no globals.
 * Workers leave their own metrics in Redis (apps/worker metrics-publisher); they are added here.
 */
export const metricsRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, redis, config, queuePrefix }) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'callbridge_api_' });

  new Gauge({
    name: 'callbridge_outbox_backlog',
    help: 'Outbox entries not yet published to the queue.',
    registers: [registry],
    async collect() {
      this.set(await db.outboxEntry.count({ where: { publishedAt: null } }));
    },
  });
  new Gauge({
    name: 'callbridge_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox entry not yet published (0 when none waits).',
    registers: [registry],
    async collect() {
      const oldest = await db.outboxEntry.findFirst({
        where: { publishedAt: null },
        orderBy: { id: 'asc' },
        select: { createdAt: true },
      });
      this.set(oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'callbridge_jobs',
    help: 'Queue jobs kept in the job audit, by queue and outcome.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      const groups = await db.jobAudit.groupBy({ by: ['queue', 'state'], _count: { _all: true } });
      for (const group of groups) this.set({ queue: group.queue, state: group.state }, group._count._all);
    },
  });

  // The workers' series (push and pull lag, external requests) are summed over the live workers.
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const workers = await readWorkerMetrics(redis, queuePrefix ?? config.QUEUE_PREFIX);
    const merged = workers.length > 0 ? Registry.merge([registry, AggregatorRegistry.aggregate(workers)]) : registry;
    return reply.type(registry.contentType).send(await merged.metrics());
  });
};

type WorkerMetrics = MetricObjectWithValues<MetricValue<string>>[];

async function readWorkerMetrics(redis: Redis, prefix: string): Promise<WorkerMetrics[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', workerMetricsKey(prefix), 'COUNT', 100);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  const values = await redis.mget(keys);
  return values.filter((value): value is string => value !== null).map((value) => JSON.parse(value) as WorkerMetrics);
}
