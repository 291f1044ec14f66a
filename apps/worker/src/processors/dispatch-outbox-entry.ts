import type { PrismaClient } from '@callbridge/db';
import type { Logger } from 'pino';
import type { DispatchOutboxEntryPayload } from '../queues/catalog.js';

export type DispatchResult = { outcome: 'dispatched' | 'already-dispatched' | 'missing' };

/**
 * Fans one outbox entry out to the connections that must hear about it, then marks it
 * dispatched. Safe to run twice: an entry already dispatched is left alone.
 * (Per-connection push jobs are added by the sync engine; until a connection exists there is
 * nobody to fan out to.)
 */
export async function dispatchOutboxEntry(
  db: PrismaClient,
  payload: DispatchOutboxEntryPayload,
  logger: Logger,
): Promise<DispatchResult> {
  const id = BigInt(payload.outboxId);
  const { count } = await db.outboxEntry.updateMany({
    where: { id, dispatchedAt: null },
    data: { dispatchedAt: new Date() },
  });
  if (count === 1) return { outcome: 'dispatched' };
  // Nothing updated: either an earlier attempt already dispatched it, or the row is gone.
  if (await db.outboxEntry.findUnique({ where: { id }, select: { id: true } }))
    return { outcome: 'already-dispatched' };
  logger.warn({ outboxId: payload.outboxId }, 'outbox entry no longer exists');
  return { outcome: 'missing' };
}
