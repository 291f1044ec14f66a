import { inTransaction, type Db } from '@callbridge/db';
import { DomainError, conflict, notFound } from '../errors.js';
import { revokeUserTokens } from '../auth/user-tokens.js';
import { passwordHash } from './password-hash.js';

/** The dispatch centre adds a contractor (spec E39); names are unique and compared exactly (Ambiguity 35). */
export async function registerUser(db: Db, input: { userName: string; password: string }): Promise<bigint> {
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    INSERT INTO users (name, "passwordHash", "updatedAt")
    VALUES (${input.userName}, ${passwordHash(input.password)}, now())
    ON CONFLICT (name) DO NOTHING
    RETURNING id`;
  const created = rows[0];
  if (!created) throw conflict(`a user with the UserName "${input.userName}" already exists`);
  return created.id;
}

/**
 * The dispatch centre sets a user's password (spec E43): 404 unknown, 401 code 3 when the user is
 * locked. The user's tokens are revoked, so sessions opened with the old password end.
 */
export async function changePassword(db: Db, userId: bigint, newPassword: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { isLocked: true } });
    if (!user) throw notFound(`user with id ${userId} not found`);
    if (user.isLocked) throw new DomainError(401, 'the user is locked', 3);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash: passwordHash(newPassword), failedSignIns: 0, lastFailedAt: null },
    });
    await revokeUserTokens(tx, userId);
  });
}

/** The dispatch centre locks a user (spec E44): sign-in fails with code 5 and live tokens stop working. */
export async function lockUser(db: Db, userId: bigint): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { isLocked: true } });
    if (count === 0) throw notFound(`user with id ${userId} not found`);
    await revokeUserTokens(tx, userId);
  });
}
