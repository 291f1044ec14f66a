import { changeCallStatus } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { callStatusInput, callStatusOutput } from '../../schemas/call-actions.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** E12 `POST /call/{id}/status`: the contractor accepts or completes their call. */
export const changeStatusRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:id/status',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Change the call status (E12)',
        description:
          'Allowed: New → Committed (sets `commited`) and Committed → Done (sets `finished`); every other target, ' +
          'including Closed (that is E8), is 409 (I3, Ambiguity 22). Done needs a non-empty `comments`: 400 with ' +
          'errorCode 6 (Ambiguity 20). `comments`, when given, is stored on the call. 403 for another user’s call.',
        security: SECURITY.user,
        params: idParams,
        body: callStatusInput,
        response: { 200: callStatusOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = portalUserOf(request);
      const changed = await changeCallStatus(db, BigInt(request.params.id), user.id, request.body);
      return { commited: iso(changed.commited), finished: iso(changed.finished) };
    },
  );
};
