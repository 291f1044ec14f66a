import { createHash } from 'node:crypto';

/** Tokens and keys are stored as their SHA-256 only; a lookup hashes what was presented. */
export function hashSecret(secret: string): Buffer<ArrayBuffer> {
  return createHash('sha256').update(secret, 'utf8').digest();
}
