import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './bearer-token.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The Bearer (or bare) key, or the password of Basic auth (how a browser sends it to bull-board). */
function presentedKey(request: FastifyRequest): string | null {
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
  if (!basic) return bearerToken(request);
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1) || null;
}

/**
 * `/admin/*`: ADMIN_API_KEY as a Bearer token (scripts, the CLI) or as the Basic-auth password
 * (a browser on /admin/queues), compared in constant time over digests of equal length.
 */
export function adminAuth(adminKey: string | undefined): onRequestAsyncHookHandler {
  const expected = adminKey ? digest(adminKey) : null;
  // Answers the 401 itself rather than throwing: bull-board's routes have an error handler of their own.
  return async (request, reply) => {
    const key = presentedKey(request);
    if (expected && key && timingSafeEqual(digest(key), expected)) return;
    const message = expected ? 'missing or wrong admin API key' : 'the admin API is off: ADMIN_API_KEY is not set';
    return reply
      .status(401)
      .header('www-authenticate', 'Basic realm="CallBridge admin", charset="UTF-8"')
      .send({ errorCode: 0, message });
  };
}
