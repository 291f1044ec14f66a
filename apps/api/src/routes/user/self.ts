import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { userDto } from '../../schemas/call-message-dto.js';
import { SECURITY, errorResponses } from '../../schemas/common.js';

/** E40 `GET /user/self`: the caller's own data. */
export const selfRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.get(
    '/user/self',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['User'],
        summary: "Get the caller's own user data (E40)",
        security: SECURITY.user,
        response: { 200: userDto, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const user = portalUserOf(request);
      return { id: Number(user.id), name: user.name };
    },
  );
};
