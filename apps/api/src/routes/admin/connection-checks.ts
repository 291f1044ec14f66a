import { ConnectionError, openConnection, requireConnection } from '@callbridge/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';
import { connectionAdminDeps, connectionIdParams } from './admin-common.js';

/** `POST /admin/connections/:id/test` (the adapter's credential self-test) and `GET …/runs`. */
export const connectionCheckRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const schema = { tags: ['Admin'], security: [{ AdminKey: [] }], params: connectionIdParams };
  const admin = connectionAdminDeps(deps);

  app.post(
    '/admin/connections/:id/test',
    {
      schema: {
        ...schema,
        summary: "Test a connection's credentials",
        description: 'Runs the adapter’s self-test (one cheap authenticated call). 200 either way; `ok` says which.',
        response: {
          200: z.object({ ok: z.boolean(), detail: z.string().optional(), reason: z.string().optional() }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      await requireConnection(admin, request.params.id);
      let opened;
      try {
        opened = await openConnection({ ...admin, logger: deps.logger }, request.params.id);
      } catch (error) {
        if (error instanceof ConnectionError) return { ok: false, reason: error.message };
        throw error;
      }
      try {
        return await opened.adapter.selfTest();
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      } finally {
        await opened.close();
      }
    },
  );

  app.get(
    '/admin/connections/:id/runs',
    {
      schema: {
        ...schema,
        summary: "A connection's sync runs, newest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: z.array(z.record(z.string(), z.unknown())), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await requireConnection(admin, request.params.id);
      const runs = await deps.db.syncRun.findMany({
        where: { connectionId: request.params.id },
        orderBy: { startedAt: 'desc' },
        take: request.query.limit,
      });
      return runs.map((run) => ({
        id: run.id,
        kind: run.kind,
        status: run.status,
        trigger: run.trigger,
        stats: run.stats,
        plan: run.plan,
        error: run.error,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
      }));
    },
  );
};
