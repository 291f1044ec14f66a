import { createTempLink } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { SECURITY, callIdParams, errorResponses } from '../../schemas/common.js';

/** E5 `POST /call/{callId}/templink`: a temporary link for a field employee. */
export const tempLinkRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:callId/templink',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Get a temporary link for a call (E5)',
        description:
          'Only while the call is Committed ("accepted by contractor", I1); otherwise 409. The body is a JSON ' +
          'string: the token a field employee passes as `?token=` to the /shared routes (Ambiguity 28). Each call ' +
          'issues a new link (`tempLinkId`), which invalidates older tokens of the call.',
        security: SECURITY.user,
        params: callIdParams,
        response: { 200: z.string(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const token = await createTempLink(db, BigInt(request.params.callId), portalUserOf(request).id);
      // Fastify sends a string payload as it is: quote it so the body is the JSON string the schema says.
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(token));
    },
  );
};
