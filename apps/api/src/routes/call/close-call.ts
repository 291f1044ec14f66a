import { closeCall } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { SECURITY, errorResponses, idParams, noContent } from '../../schemas/common.js';

/** E8 `POST /call/{id}/close`: the dispatch centre closes a call. */
export const closeCallRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:id/close',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Close a call (E8)',
        description:
          'Done → Closed only (Ambiguity 21): any other status is 409 "call status cannot be changed". ' +
          'The owner is notified; the call gets a new timestamp and an outbox entry `call.status`.',
        security: SECURITY.external,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await closeCall(db, BigInt(request.params.id));
      return reply.status(204).send(null);
    },
  );
};
