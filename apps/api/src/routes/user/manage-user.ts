import { changePassword, lockUser } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { SECURITY, errorResponses, idParams, noContent } from '../../schemas/common.js';
import { changePasswordInput } from '../../schemas/user.js';

/** E43 `POST /user/{id}/changePassword` and E44 `POST /user/{id}/lock`, by the dispatch centre. */
export const manageUserRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/user/:id/changePassword',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['User'],
        summary: "Change a user's password (E43)",
        description:
          'ExternalSystemAuth (garbled "aalSystemAuth" in the source, Ambiguity 2). Stores SHA-256 of newPassword ' +
          '(at least 5 characters) and revokes the user’s tokens. 401 code 3 when the user is locked; 404 unknown ' +
          'user. 400 code 4 ("incorrect current password") stays reserved: the DTO carries no current password ' +
          '(Ambiguity 31).',
        security: SECURITY.external,
        params: idParams,
        body: changePasswordInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await changePassword(db, BigInt(request.params.id), request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/user/:id/lock',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['User'],
        summary: 'Lock a user (E44)',
        description:
          'Sets isLocked: sign-in then fails with 401 code 5 and the user’s live tokens get 401. No unlock exists in ' +
          'the spec. Answers 204 (Ambiguity 17).',
        security: SECURITY.external,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await lockUser(db, BigInt(request.params.id));
      return reply.status(204).send(null);
    },
  );
};
