import { randomBytes } from 'node:crypto';
import type { Db } from '@callbridge/db';
import { hashSecret } from './hash-secret.js';

export interface TokenLifetimes {
  accessTtlMs: number;
  serviceTtlMs: number;
}

/** AccessServiceTokensDTO (spec §4.1): `expiresIn` in milliseconds. */
export interface TokenPair {
  access: { token: string; expiresIn: number };
  service: { token: string; expiresIn: number };
}

export interface TokenUser {
  id: bigint;
  name: string;
}

/** Issues an access token (UserAuth) and a service token (ServiceUserAuth); only their hashes are kept. */
export async function issueTokenPair(db: Db, userId: bigint, lifetimes: TokenLifetimes): Promise<TokenPair> {
  const now = Date.now();
  const access = newToken();
  const service = newToken();
  await db.userToken.createMany({
    data: [
      { userId, kind: 'Access', tokenHash: hashSecret(access), expiresAt: new Date(now + lifetimes.accessTtlMs) },
      { userId, kind: 'Service', tokenHash: hashSecret(service), expiresAt: new Date(now + lifetimes.serviceTtlMs) },
    ],
  });
  return {
    access: { token: access, expiresIn: lifetimes.accessTtlMs },
    service: { token: service, expiresIn: lifetimes.serviceTtlMs },
  };
}

/**
 * The user a live token of `kind` belongs to, or null: unknown, the other kind, revoked, expired,
 * or the user is locked (spec §6.4). The lookup is by the token's SHA-256, so no token is compared
 * byte by byte.
 */
export async function findTokenUser(db: Db, token: string, kind: 'Access' | 'Service'): Promise<TokenUser | null> {
  const found = await db.userToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      kind: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, name: true, isLocked: true } },
    },
  });
  if (!found || found.kind !== kind || found.revokedAt) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= Date.now()) return null;
  if (found.user.isLocked) return null;
  return { id: found.user.id, name: found.user.name };
}

/** Revokes every live token of a user (lock, password change). */
export async function revokeUserTokens(db: Db, userId: bigint): Promise<number> {
  const { count } = await db.userToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}
