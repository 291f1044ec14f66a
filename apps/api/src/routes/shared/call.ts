import { requireCallView, requireTempLink } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { toCallDto } from '../../mappers/call-dto.js';
import { callDto } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses } from '../../schemas/common.js';
import { sharedTokenQuery } from '../../schemas/shared.js';

/** E33–E34: a field employee reads the call and reports it done through a temporary link. */
export const sharedCallRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.get(
    '/shared/call',
    {
      schema: {
        tags: ['Shared'],
        summary: 'Get call data by token (E33)',
        description:
          'No auth scheme: the `token` query from E5 opens the call. A missing or malformed token is 400; an ' +
          'unknown token, or one whose link a newer link replaced, is 404 (§3.5, Ambiguity 28).',
        security: SECURITY.none,
        querystring: sharedTokenQuery,
        response: { 200: callDto, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const link = await requireTempLink(db, request.query.token);
      return toCallDto(await requireCallView(db, link.callId));
    },
  );
};
