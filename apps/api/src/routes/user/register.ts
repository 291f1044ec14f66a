import { registerUser } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { SECURITY, errorResponses } from '../../schemas/common.js';
import { registerUserInput, registerUserOutput } from '../../schemas/user.js';

/** E39 `POST /user/register`: the dispatch centre adds a contractor user. */
export const registerRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/user/register',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['User'],
        summary: 'Add a new user (E39)',
        description:
          'Stores SHA-256 of the UTF-8 password (§6.1) and an unlocked user. 409 when the userName exists; names are ' +
          'compared exactly, case-sensitive (Ambiguity 35). password: at least 5 characters.',
        security: SECURITY.external,
        body: registerUserInput,
        response: { 200: registerUserOutput, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => ({ id: Number(await registerUser(db, request.body)) }),
  );
};
