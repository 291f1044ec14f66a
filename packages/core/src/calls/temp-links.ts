import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@callbridge/db';
import { DomainError } from '../errors.js';
import { hashSecret } from '../auth/hash-secret.js';

/**
 * Temporary links (spec E5, §3.5). A token is `<tempLinkId>.<secret>`: the link id says which link
 * it was minted for (so a token of a replaced link is told apart from a forged one: 403 on E36), the
 * secret makes it unguessable. Only the secret's hash is stored.
 */
export async function issueTempLink(db: Db, callId: bigint): Promise<string> {
  const linkId = randomUUID();
  const secret = randomBytes(24).toString('base64url');
  const token = `${linkId}.${secret}`;
  await db.callTempLink.updateMany({ where: { callId, revokedAt: null }, data: { revokedAt: new Date() } });
  await db.callTempLink.create({ data: { id: linkId, callId, tokenHash: hashSecret(token) } });
  await db.call.update({ where: { id: callId }, data: { tempLinkId: linkId } });
  return token;
}

const TOKEN_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{32}$/;

export type TempLinkFailure = 'malformed' | 'unknown' | 'replaced';

export interface ResolvedTempLink {
  callId: bigint;
  linkId: string;
}

/**
 * The call a `/shared/*` token opens. Fails with the reason, so each route can answer as the spec
 * says: a missing or malformed token is 400, an unknown one 404, one whose link was replaced by a
 * newer link 403 (E36) or 404 (elsewhere).
 */
export async function resolveTempLink(
  db: Db,
  token: string | undefined,
): Promise<{ ok: true; link: ResolvedTempLink } | { ok: false; reason: TempLinkFailure }> {
  if (!token || !TOKEN_PATTERN.test(token)) return { ok: false, reason: 'malformed' };
  const link = await db.callTempLink.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, callId: true, call: { select: { tempLinkId: true } } },
  });
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.call.tempLinkId !== link.id) return { ok: false, reason: 'replaced' };
  return { ok: true, link: { callId: link.callId, linkId: link.id } };
}

/** `resolveTempLink` for routes: throws the DomainError the route documents. */
export async function requireTempLink(
  db: Db,
  token: string | undefined,
  options: { replacedStatus?: 403 | 404 } = {},
): Promise<ResolvedTempLink> {
  const result = await resolveTempLink(db, token);
  if (result.ok) return result.link;
  switch (result.reason) {
    case 'malformed':
      throw new DomainError(400, 'query parameter token is missing or malformed');
    case 'unknown':
      throw new DomainError(404, 'call not found: the temporary link is unknown');
    case 'replaced':
      throw new DomainError(
        options.replacedStatus ?? 404,
        'the temporary link identifier does not match: a newer link replaced it',
      );
  }
}
