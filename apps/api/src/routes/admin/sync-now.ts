import { requireConnection } from '@callbridge/sync';
import { pullJob, reconcileJob } from '@callbridge/worker';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';
import { connectionAdminDeps, connectionIdParams } from './admin-common.js';

/** `POST /admin/connections/:id/sync`: pull (and reconcile, for a pushing connection) now, besides the schedule. */
export function syncNowRoute(queues: Map<string, Queue>): FastifyPluginAsyncZod<ApiDeps> {
  return async (app, deps) => {
    app.post(
      '/admin/connections/:id/sync',
      {
        schema: {
          tags: ['Admin'],
          security: [{ AdminKey: [] }],
          summary: 'Run a sync of the connection now',
          description:
            'Queues a pull when the adapter pulls (`jobId`) and a reconcile sweep when it pushes (`reconcileJobId`): ' +
            'the sweep pushes calls whose changes the outbox path has not delivered. Outcomes show in ' +
            'GET /admin/connections/:id/runs.',
          params: connectionIdParams,
          response: {
            202: z.object({ jobId: z.string().optional(), reconcileJobId: z.string().optional() }),
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const connection = await requireConnection(connectionAdminDeps(deps), request.params.id);
        const capabilities = deps.adapters.get(connection.adapter)?.capabilities;
        const queue = queues.get(pullJob.queue)!;
        const connectionId = request.params.id;
        const pull = capabilities?.pull
          ? await queue.add(pullJob.name, { connectionId, trigger: 'manual' }, pullJob.options)
          : undefined;
        const reconcile = capabilities?.push
          ? await queue.add(reconcileJob.name, { connectionId }, reconcileJob.options)
          : undefined;
        return reply.status(202).send({
          ...(pull ? { jobId: String(pull.id) } : {}),
          ...(reconcile ? { reconcileJobId: String(reconcile.id) } : {}),
        });
      },
    );
  };
}
