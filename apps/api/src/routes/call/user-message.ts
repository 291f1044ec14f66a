import { postUserMessage } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { toCallMessageDto } from '../../mappers/call-message-dto.js';
import { userMessageInput } from '../../schemas/call-actions.js';
import { callMessageDto } from '../../schemas/call-message-dto.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

/** E11 `POST /call/{id}/message`: the contractor writes on their call. */
export const userMessageRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:id/message',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'User posts a message to a call (E11)',
        description:
          'The owner is the caller and `date` is now; at most 2000 characters. The source answers with the entity ' +
          '`CallMessage`; it is returned in the CallMessageDTO shape without the `call` back-reference and without ' +
          'any user secret (Ambiguity 13). 403 for another user’s call, 409 when the call is Closed.',
        security: SECURITY.user,
        params: idParams,
        body: userMessageInput,
        response: { 200: callMessageDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = portalUserOf(request);
      return toCallMessageDto(await postUserMessage(db, BigInt(request.params.id), user.id, request.body.message));
    },
  );
};
