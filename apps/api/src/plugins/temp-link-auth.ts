import { requireTempLink, type ResolvedTempLink } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';
import type { onRequestAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The temporary link a /shared request came with. */
    tempLink?: ResolvedTempLink;
  }
}

/**
 * The /shared routes' stand-in for an auth scheme: the `token` query of a temporary link (spec §3.5),
 * resolved before the body is read, like the schemes are, so a bad token is told apart from a bad
 * body. Missing or malformed: 400; unknown: 404; replaced by a newer link: `replacedStatus`.
 */
export function tempLinkAuth(db: PrismaClient, replacedStatus: 403 | 404 = 404): onRequestAsyncHookHandler {
  return async (request) => {
    const token = (request.query as { token?: unknown }).token;
    request.tempLink = await requireTempLink(db, typeof token === 'string' ? token : undefined, { replacedStatus });
  };
}

export function tempLinkOf(request: { tempLink?: ResolvedTempLink }): ResolvedTempLink {
  if (!request.tempLink) throw new Error('tempLinkAuth did not run for this route');
  return request.tempLink;
}
