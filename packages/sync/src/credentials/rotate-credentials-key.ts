import type { PrismaClient } from '@callbridge/db';
import { openCredentials, sealCredentials, type CredentialsKey } from './credentials-cipher.js';

export interface RotationProgress {
  done: number;
  total: number;
}

/**
 * Re-encrypts every connection not yet under the current key (the first of `keys`), one row at a
 * time and only if the row did not change meanwhile, so it runs online beside the workers. It can be
 * stopped and run again; rows already rotated are skipped.
 */
export async function rotateCredentialsKey(
  db: PrismaClient,
  keys: readonly CredentialsKey[],
  onProgress?: (progress: RotationProgress) => void,
): Promise<{ rotated: number }> {
  const current = keys[0];
  if (!current) throw new Error('CREDENTIALS_KEYS is empty');
  const stale = await db.connection.findMany({
    where: { credentialsKeyId: { not: current.id } },
    select: { id: true, credentialsCipher: true, credentialsKeyId: true },
  });
  let rotated = 0;
  for (const row of stale) {
    const plain = openCredentials({ cipher: row.credentialsCipher, keyId: row.credentialsKeyId }, keys) as object;
    const sealed = sealCredentials(plain, current);
    const { count } = await db.connection.updateMany({
      where: { id: row.id, credentialsKeyId: row.credentialsKeyId, credentialsCipher: row.credentialsCipher },
      data: { credentialsCipher: sealed.cipher, credentialsKeyId: sealed.keyId },
    });
    rotated += count;
    onProgress?.({ done: rotated, total: stale.length });
  }
  return { rotated };
}
