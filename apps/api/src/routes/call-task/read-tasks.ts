import { requireTask } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { toTaskDto } from '../../mappers/call-dto.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { callTaskOutputDto } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1000).describe('Page size (default and maximum 1000).'),
  afterId: z.coerce.number().int().min(0).default(0).describe('Only tasks with a larger id (the last id seen).'),
});

/** E24 `GET /calltask` and E25 `GET /calltask/{id}`, for the dispatch centre. */
export const readTaskRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  const onRequest = externalSystemAuth(db);

  app.get(
    '/calltask',
    {
      onRequest,
      schema: {
        tags: ['CallTask'],
        summary: 'List all call tasks (E24)',
        description:
          'All tasks in id order. The spec has no paging; to keep answers bounded at most `limit` come back (default ' +
          'and maximum 1000): continue with `afterId` = the last id.',
        security: SECURITY.external,
        querystring: listQuery,
        response: { 200: z.array(callTaskOutputDto), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const tasks = await db.callTask.findMany({
        where: { id: { gt: BigInt(request.query.afterId) } },
        orderBy: { id: 'asc' },
        take: request.query.limit,
        include: { result: { include: { attachments: { orderBy: { id: 'asc' } } } } },
      });
      return tasks.map(toTaskDto);
    },
  );

  app.get(
    '/calltask/:id',
    {
      onRequest,
      schema: {
        tags: ['CallTask'],
        summary: 'Get a call task by id (E25)',
        description: '`result` is null until the task is Done.',
        security: SECURITY.external,
        params: idParams,
        response: { 200: callTaskOutputDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toTaskDto(await requireTask(db, BigInt(request.params.id))),
  );
};
