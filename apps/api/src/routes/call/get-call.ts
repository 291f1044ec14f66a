import { requireCallView } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { toCallDto } from '../../mappers/call-dto.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { callDto } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

/** E6 `GET /call/{id}`: the dispatch centre reads a call. */
export const getCallRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.get(
    '/call/:id',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Get a call by id (E6)',
        description: 'The CallDTO with its tasks (results and attachments), jeopardies and expenditure items.',
        security: SECURITY.external,
        params: idParams,
        response: { 200: callDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => toCallDto(await requireCallView(db, BigInt(request.params.id))),
  );
};
