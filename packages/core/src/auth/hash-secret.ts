import { createHash, timingSafeEqual } from 'node:crypto';

/** Tokens and keys are stored as their SHA-256 only; a lookup hashes what was presented. */
export function hashSecret(secret: string): Buffer<ArrayBuffer> {
  // digest() always allocates a plain ArrayBuffer; the cast only narrows Node's wider typing.
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time equality of two byte strings (false on different lengths, without early exit). */
export function equalSecrets(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
