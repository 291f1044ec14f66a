import { createHash, timingSafeEqual } from 'node:crypto';

/** What the server stores for a password (spec §6.1): SHA-256 of its UTF-8 bytes. */
export function passwordHash(password: string): Buffer<ArrayBuffer> {
  return createHash('sha256').update(password, 'utf8').digest();
}

/** What a client sends at sign-in (spec §6.2): SHA-256(passwordHash ‖ salt). */
export function saltedHash(storedHash: Buffer, salt: Buffer): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([storedHash, salt]))
    .digest();
}

/** Constant-time check of a presented salted hash; a wrong length is simply a mismatch. */
export function saltedHashMatches(storedHash: Buffer, salt: Buffer, presented: Buffer): boolean {
  const expected = saltedHash(storedHash, salt);
  const candidate = presented.length === expected.length ? presented : Buffer.alloc(expected.length);
  return timingSafeEqual(expected, candidate) && presented.length === expected.length;
}
