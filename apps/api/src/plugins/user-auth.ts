import { findTokenUser, unauthorized, type TokenUser } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';
import type { onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The contractor user of a UserAuth or ServiceUserAuth request. */
    portalUser?: TokenUser;
  }
}

/** UserAuth: a live access token from `POST /user/signin` or `POST /user/token` (spec §6.4). */
export function userAuth(db: PrismaClient): onRequestAsyncHookHandler {
  return tokenAuth(db, 'Access', 'UserAuth access token');
}

/** ServiceUserAuth: a live service token; only `POST /user/token` uses it. */
export function serviceUserAuth(db: PrismaClient): onRequestAsyncHookHandler {
  return tokenAuth(db, 'Service', 'ServiceUserAuth service token');
}

function tokenAuth(db: PrismaClient, kind: 'Access' | 'Service', what: string): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw unauthorized(`missing Authorization header (${what})`);
    const user = await findTokenUser(db, token, kind);
    if (!user) throw unauthorized(`invalid, expired or revoked ${what}`);
    request.portalUser = user;
  };
}

/** The authenticated user of a route behind `userAuth`/`serviceUserAuth`. */
export function portalUserOf(request: { portalUser?: TokenUser }): TokenUser {
  if (!request.portalUser) throw unauthorized('not authenticated');
  return request.portalUser;
}
