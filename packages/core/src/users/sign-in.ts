import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, type Db } from '@callbridge/db';
import { DomainError } from '../errors.js';
import { issueTokenPair, type TokenLifetimes, type TokenPair } from '../auth/user-tokens.js';
import { saltedHashMatches } from './password-hash.js';

export interface SignInAttempt {
  userName: string;
  salt: Buffer<ArrayBuffer>;
  hashedPassword: Buffer;
}

export interface SignInPolicy extends TokenLifetimes {
  /** Wait before answering once a user has this many failures in a row… */
  failureDelayMs: number;
  /** …doubling per further failure, up to this cap. */
  failureDelayMaxMs: number;
}

const FAILURES_BEFORE_DELAY = 3;

const signInError = (code: 1 | 2 | 5, message: string) => new DomainError(401, message, code);

/** How long an attempt waits after `failures` failed sign-ins in a row (0 below the threshold). */
export function signInDelayMs(failures: number, policy: Pick<SignInPolicy, 'failureDelayMs' | 'failureDelayMaxMs'>) {
  if (failures < FAILURES_BEFORE_DELAY) return 0;
  return Math.min(policy.failureDelayMs * 2 ** (failures - FAILURES_BEFORE_DELAY), policy.failureDelayMaxMs);
}

/**
 * Sign-in by the spec's protocol (§6.3, in its order): unknown user or wrong salted hash → code 1,
 * a salt this user already signed in with → code 2, a locked user → code 5. A salt is recorded in
 * the transaction that issues the tokens, under the (user, salt) primary key, so two concurrent
 * sign-ins with one salt cannot both succeed. After repeated failures every attempt of that user
 * waits first (a correct password still gets in, only later), which slows guessing down.
 */
export async function signIn(db: Db, attempt: SignInAttempt, policy: SignInPolicy): Promise<TokenPair> {
  const user = await db.user.findUnique({ where: { name: attempt.userName } });
  if (!user) throw signInError(1, 'wrong user name or password');

  const delay = signInDelayMs(user.failedSignIns, policy);
  if (delay > 0) await sleep(delay);

  if (!saltedHashMatches(Buffer.from(user.passwordHash), attempt.salt, attempt.hashedPassword)) {
    await db.user.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 }, lastFailedAt: new Date() },
    });
    throw signInError(1, 'wrong user name or password');
  }

  return inTransaction(db, async (tx) => {
    const recorded = await tx.$executeRaw`
      INSERT INTO user_salts ("userId", salt) VALUES (${user.id}, ${attempt.salt}) ON CONFLICT DO NOTHING`;
    if (recorded === 0) throw signInError(2, 'the salt was already used: a fresh salt is required for every sign-in');
    if (user.isLocked) throw signInError(5, 'the user is locked');
    await tx.user.update({
      where: { id: user.id },
      data: { saltLastUsed: attempt.salt, failedSignIns: 0, lastFailedAt: null },
    });
    return issueTokenPair(tx, user.id, policy);
  });
}
