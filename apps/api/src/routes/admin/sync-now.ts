import { requireConnection } from '@callbridge/sync';
import { pullJob } from '@callbridge/worker';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';
import { connectionAdminDeps, connectionIdParams } from './admin-common.js';

/** `POST /admin/connections/:id/sync`: pull now, besides the schedule. */
export function syncNowRoute(queues: Map<string, Queue>): FastifyPluginAsyncZod<ApiDeps> {
  return async (app, deps) => {
    app.post(
      '/admin/connections/:id/sync',
      {
        schema: {
          tags: ['Admin'],
          security: [{ AdminKey: [] }],
          summary: 'Run a pull of the connection now',
          description: 'Queues a pull; its outcome shows in GET /admin/connections/:id/runs (trigger `manual`).',
          params: connectionIdParams,
          response: { 202: z.object({ jobId: z.string() }), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        await requireConnection(connectionAdminDeps(deps), request.params.id);
        const job = await queues
          .get(pullJob.queue)!
          .add(pullJob.name, { connectionId: request.params.id, trigger: 'manual' }, pullJob.options);
        return reply.status(202).send({ jobId: String(job.id) });
      },
    );
  };
}
