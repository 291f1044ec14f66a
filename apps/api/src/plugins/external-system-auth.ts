import { findExternalSystem, unauthorized } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';
import type { onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the dispatch system that authenticated (ExternalSystemAuth). */
    externalSystem?: string;
  }
}

/** ExternalSystemAuth: a key from EXTERNAL_SYSTEM_KEYS in the Authorization header. */
export function externalSystemAuth(db: PrismaClient): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw unauthorized('missing Authorization header (ExternalSystemAuth key)');
    const system = await findExternalSystem(db, token);
    if (!system) throw unauthorized('unknown or revoked external system key');
    request.externalSystem = system;
  };
}
