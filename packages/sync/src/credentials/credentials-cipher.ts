import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** An AES-256 key with the id stored beside every value it encrypts (CREDENTIALS_KEYS). */
export interface CredentialsKey {
  id: string;
  key: Buffer;
}

export interface SealedCredentials {
  /** iv (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
  cipher: Buffer<ArrayBuffer>;
  keyId: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialsKeyError extends Error {
  override name = 'CredentialsKeyError';
}

/**
 * Encrypts a connection's credentials with AES-256-GCM under `key` (the first of CREDENTIALS_KEYS).
 * The key id travels beside the cipher so that a rotated key can still open old values.
 */
export function sealCredentials(credentials: object, key: CredentialsKey): SealedCredentials {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return { cipher: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: key.id };
}

/** Opens sealed credentials with the key their id names; a tampered value or a missing key throws. */
export function openCredentials(
  sealed: { cipher: Uint8Array; keyId: string },
  keys: readonly CredentialsKey[],
): unknown {
  const key = keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key) throw new CredentialsKeyError(`no credentials key with id "${sealed.keyId}" is configured`);
  const bytes = Buffer.from(sealed.cipher);
  const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}

export const MASK = '********';

/** What the API and logs may show of credentials: every secret field replaced by a fixed mask. */
export function maskCredentials(credentials: Record<string, unknown>, secretFields: readonly string[]) {
  return Object.fromEntries(
    Object.entries(credentials).map(([name, value]) => [name, secretFields.includes(name) ? MASK : value]),
  );
}
