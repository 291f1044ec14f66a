import { postExternalMessage } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { externalMessageInput, externalMessageOutput } from '../../schemas/call-actions.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

/** E9 `POST /call/{id}/dispatcher/message`: the dispatch centre writes on a call. */
export const dispatcherMessageRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:id/dispatcher/message',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Dispatcher posts a message to a call (E9)',
        description:
          'The message has no owner (`owner: null`: written by the external system) and keeps the `date` the ' +
          'sender gives; at most 2000 characters. 409 when the call is Closed. The call owner gets a notification; ' +
          'the message gets a timestamp (messages feed) and an outbox entry `message.created`.',
        security: SECURITY.external,
        params: idParams,
        body: externalMessageInput,
        response: { 200: externalMessageOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const saved = await postExternalMessage(db, BigInt(request.params.id), request.body);
      return { id: Number(saved.id) };
    },
  );
};
