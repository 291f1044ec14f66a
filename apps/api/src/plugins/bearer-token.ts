import type { FastifyRequest } from 'fastify';

/** The token of `Authorization: Bearer <token>`; a bare token is accepted too (DESIGN.md). */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const token = header.replace(/^Bearer\s+/i, '').trim();
  return token.length > 0 ? token : null;
}
