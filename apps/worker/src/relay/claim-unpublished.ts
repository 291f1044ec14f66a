import type { Db } from '@callbridge/db';

/**
 * Locks up to `limit` unpublished outbox rows for this transaction, skipping rows another relay
 * holds, so several worker processes can relay at once without publishing a row twice.
 */
export async function claimUnpublished(tx: Db, limit: number): Promise<{ id: bigint }[]> {
  return tx.$queryRaw<{ id: bigint }[]>`
    SELECT "id" FROM "outbox"
     WHERE "publishedAt" IS NULL
     ORDER BY "id"
     LIMIT ${limit}
       FOR UPDATE SKIP LOCKED`;
}

export async function markPublished(tx: Db, ids: bigint[]): Promise<void> {
  await tx.outboxEntry.updateMany({ where: { id: { in: ids } }, data: { publishedAt: new Date() } });
}
