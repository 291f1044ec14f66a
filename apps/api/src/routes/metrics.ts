import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ApiDeps } from '../deps.js';

/**
 * `GET /metrics` (Prometheus text). The outbox and job figures are read from the database at
 * scrape time, so they are right however many API and worker processes run; per-process figures
 * (event loop, memory) come from prom-client's defaults. One registry per server, no globals.
 */
export const metricsRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
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

  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
};
