import type { PrismaClient } from '@callbridge/db';
import { routedConnections, type AdapterRegistry } from '@callbridge/sync';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { pushChangeJob, type DispatchOutboxEntryPayload } from '../queues/catalog.js';

export type DispatchResult = { outcome: 'dispatched' | 'already-dispatched' | 'missing'; connections: number };

/**
 * Fans one outbox entry out to the connections that must hear about it — one push job each, under
 * a deterministic id, so a second run adds nothing — then marks it dispatched.
 */
export async function dispatchOutboxEntry(
  deps: { db: PrismaClient; adapters: AdapterRegistry; pushQueue: Queue; logger: Logger },
  payload: DispatchOutboxEntryPayload,
): Promise<DispatchResult> {
  const { db } = deps;
  const id = BigInt(payload.outboxId);
  const entry = await db.outboxEntry.findUnique({ where: { id } });
  if (!entry) {
    deps.logger.warn({ outboxId: payload.outboxId }, 'outbox entry no longer exists');
    return { outcome: 'missing', connections: 0 };
  }
  if (entry.dispatchedAt) return { outcome: 'already-dispatched', connections: 0 };

  const connections = await routedConnections(db, deps.adapters, entry);
  if (connections.length > 0 && entry.callId !== null) {
    const callId = String(entry.callId);
    await deps.pushQueue.addBulk(
      connections.map((connectionId) => ({
        name: pushChangeJob.name,
        data: { connectionId, callId, outboxId: payload.outboxId },
        opts: { ...pushChangeJob.options, jobId: pushChangeJob.jobId(connectionId, payload.outboxId) },
      })),
    );
  }
  await db.outboxEntry.updateMany({ where: { id, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
  return { outcome: 'dispatched', connections: connections.length };
}
