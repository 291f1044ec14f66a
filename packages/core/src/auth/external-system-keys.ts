import type { Db } from '@callbridge/db';
import { hashSecret } from './hash-secret.js';

/**
 * Makes the stored ExternalSystemAuth keys match the configured ones: keys are upserted by name
 * (a changed key replaces the old one) and keys no longer configured are revoked.
 */
export async function seedExternalSystemKeys(db: Db, keys: { name: string; key: string }[]): Promise<void> {
  const names = keys.map((k) => k.name);
  for (const { name, key } of keys) {
    const keyHash = hashSecret(key);
    await db.externalSystemKey.upsert({
      where: { name },
      create: { name, keyHash },
      update: { keyHash, revokedAt: null },
    });
  }
  await db.externalSystemKey.updateMany({
    where: { name: { notIn: names }, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

/** The name of the dispatch system that presented `key`, or null when it is not a live key. */
export async function findExternalSystem(db: Db, key: string): Promise<string | null> {
  const found = await db.externalSystemKey.findUnique({ where: { keyHash: hashSecret(key) } });
  return found && !found.revokedAt ? found.name : null;
}
