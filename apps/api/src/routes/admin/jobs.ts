import { conflict, notFound } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';

const jobParams = z.object({ id: z.coerce.number().int().min(1).describe('The job audit id from GET /admin/jobs.') });
const jobSummary = z.object({
  id: z.number().int(),
  queue: z.string(),
  jobId: z.string(),
  name: z.string(),
  state: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  connectionId: z.string().nullable(),
  callId: z.number().int().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

type AuditRow = Awaited<ReturnType<ApiDeps['db']['jobAudit']['findFirstOrThrow']>>;
const summary = (row: AuditRow) => ({
  id: Number(row.id),
  queue: row.queue,
  jobId: row.jobId,
  name: row.name,
  state: row.state,
  attempts: row.attempts,
  error: row.error,
  connectionId: row.connectionId,
  callId: row.callId === null ? null : Number(row.callId),
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/** Failed jobs for support engineers: list, detail (did the external write happen?), replay. */
export function jobRoutes(queues: Map<string, Queue>): FastifyPluginAsyncZod<ApiDeps> {
  return async (app, { db }) => {
    const schema = { tags: ['Admin'], security: [{ AdminKey: [] }] };
    const requireAudit = async (id: number) => {
      const row = await db.jobAudit.findUnique({ where: { id: BigInt(id) } });
      if (!row) throw notFound(`job ${id} not found`);
      return row;
    };

    app.get(
      '/admin/jobs',
      {
        schema: {
          ...schema,
          summary: 'Jobs by outcome, newest first',
          description: '`failed`: attempts exhausted; `retrying`: an attempt failed and BullMQ will try again.',
          querystring: z.object({
            state: z.enum(['failed', 'retrying', 'completed', 'replayed']).default('failed'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: { 200: z.array(jobSummary), ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const rows = await db.jobAudit.findMany({
          where: { state: request.query.state },
          orderBy: { createdAt: 'desc' },
          take: request.query.limit,
        });
        return rows.map(summary);
      },
    );

    app.get(
      '/admin/jobs/:id',
      {
        schema: {
          ...schema,
          summary: 'One job: error, attempts, payload (ids only), and whether its external write happened',
          description:
            '`externalWrite.linked` says whether the call is already linked to a record in the connection’s system: ' +
            'then a replay updates that record instead of creating one (pushes look the link up first).',
          params: jobParams,
          response: {
            200: jobSummary.extend({
              payload: z.record(z.string(), z.unknown()),
              externalWrite: z.object({ linked: z.boolean(), externalId: z.string().nullable() }).nullable(),
            }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request) => {
        const row = await requireAudit(request.params.id);
        const link =
          row.connectionId && row.callId !== null
            ? await db.externalLink.findUnique({
                where: {
                  connectionId_entity_localId: { connectionId: row.connectionId, entity: 'call', localId: row.callId },
                },
              })
            : undefined;
        return {
          ...summary(row),
          payload: row.payload as Record<string, unknown>,
          externalWrite: link === undefined ? null : { linked: link !== null, externalId: link?.externalId ?? null },
        };
      },
    );

    app.post(
      '/admin/jobs/:id/replay',
      {
        schema: {
          ...schema,
          summary: 'Run a failed job again',
          description:
            'Retries the job in its queue when Redis still holds it, else adds it again under the same deterministic ' +
            'job id and payload. Jobs are idempotent, so a replay never does twice what already happened.',
          params: jobParams,
          response: {
            202: z.object({ replayed: z.literal(true), how: z.enum(['retried', 're-added']) }),
            ...errorResponses(400, 401, 404, 409),
          },
        },
      },
      async (request, reply) => {
        const row = await requireAudit(request.params.id);
        if (row.state !== 'failed') {
          throw conflict(`job ${row.id} is ${row.state}, not failed`);
        }
        const queue = queues.get(row.queue);
        if (!queue) throw conflict(`queue ${row.queue} is unknown`);
        const job = await queue.getJob(row.jobId);
        let how: 'retried' | 're-added';
        if (job && (await job.isFailed())) {
          await job.retry('failed');
          how = 'retried';
        } else {
          if (job) await job.remove();
          await queue.add(row.name, row.payload, {
            jobId: row.jobId,
            attempts: 5,
            backoff: { type: 'exponential', delay: 1_000 },
          });
          how = 're-added';
        }
        await db.jobAudit.update({ where: { id: row.id }, data: { state: 'replayed' } });
        return reply.status(202).send({ replayed: true as const, how });
      },
    );
  };
}
