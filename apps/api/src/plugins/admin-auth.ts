import { createHash, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '@callbridge/core';
import type { onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './bearer-token.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** `/admin/*`: `Authorization: Bearer $ADMIN_API_KEY`, compared in constant time (digests of equal length). */
export function adminAuth(adminKey: string | undefined): onRequestAsyncHookHandler {
  const expected = adminKey ? digest(adminKey) : null;
  return async (request) => {
    if (!expected) throw unauthorized('the admin API is off: ADMIN_API_KEY is not set');
    const token = bearerToken(request);
    if (!token || !timingSafeEqual(digest(token), expected)) throw unauthorized('missing or wrong admin API key');
  };
}
