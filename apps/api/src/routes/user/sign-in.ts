import { issueTokenPair, signIn } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, serviceUserAuth } from '../../plugins/user-auth.js';
import { SECURITY, errorResponses } from '../../schemas/common.js';
import { signInInput, tokenPairOutput } from '../../schemas/user.js';

/** E41 `POST /user/signin` and E42 `POST /user/token`: a contractor gets tokens. */
export const signInRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, config }) => {
  const lifetimes = { accessTtlMs: config.ACCESS_TOKEN_TTL_MS, serviceTtlMs: config.SERVICE_TOKEN_TTL_MS };

  app.post(
    '/user/signin',
    {
      schema: {
        tags: ['User'],
        summary: 'Obtain a user access token (E41)',
        description:
          'hashedPassword = base64(SHA-256(SHA-256(UTF-8 password) ‖ salt)), salt = base64 of 16–32 fresh random ' +
          'bytes (decoded length, Ambiguity 6). Checks in the order of §6.3: 400 malformed; 401 code 1 unknown user or ' +
          'wrong hash (constant-time compare); 401 code 2 a salt this user ever signed in with (every salt is kept, ' +
          'Ambiguity 7); 401 code 5 locked. After 3 failures in a row every attempt of that user waits first, ' +
          'doubling per failure (SIGNIN_FAILURE_DELAY_MS, capped by SIGNIN_FAILURE_DELAY_MAX_MS). `expiresIn` is in ms.',
        security: SECURITY.none,
        body: signInInput,
        response: { 200: tokenPairOutput, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      signIn(
        db,
        {
          userName: request.body.userName,
          salt: Buffer.from(request.body.salt, 'base64'),
          hashedPassword: Buffer.from(request.body.hashedPassword, 'base64'),
        },
        {
          ...lifetimes,
          failureDelayMs: config.SIGNIN_FAILURE_DELAY_MS,
          failureDelayMaxMs: config.SIGNIN_FAILURE_DELAY_MAX_MS,
        },
      ),
  );

  app.post(
    '/user/token',
    {
      onRequest: serviceUserAuth(db),
      schema: {
        tags: ['User'],
        summary: 'Generate a new user access token (E42)',
        description:
          'Authorised by the service token (ServiceUserAuth). Returns a new access token and a new service token; ' +
          'the presented service token stays valid until it expires (§6.4). An access token here is 401.',
        security: SECURITY.service,
        response: { 200: tokenPairOutput, ...errorResponses(401, 403) },
      },
    },
    async (request) => issueTokenPair(db, portalUserOf(request).id, lifetimes),
  );
};
