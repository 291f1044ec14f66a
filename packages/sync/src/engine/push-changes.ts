import type { PrismaClient } from '@callbridge/db';
import { loadCallSnapshot } from './call-snapshot.js';
import type { OpenedConnection } from './open-connection.js';
import { recordSyncRun } from './record-sync-run.js';
import { prismaCursorStore } from './stores.js';

export interface PushJob {
  connectionId: string;
  callId: bigint;
  /** The outbox entry that caused the job: everything of the call up to it is pushed, in order. */
  outboxId: bigint;
}

export type PushResult = { pushed: number; skipped: number };

/** The per-connection cursor of a call's outbox entries already pushed. */
export const pushStream = (callId: bigint) => `push:call:${callId}`;

/**
 * Pushes a call's pending changes to one connection, oldest first, up to the job's own entry, and
 * checkpoints after each one. A retry resumes after the last entry that went out; a job whose
 * entry is already behind the cursor does nothing. Entries that came from this connection are
 * passed over (no echo). The caller holds the (connection, call) lock, so pushes of one call to one
 * system never race. A dry run records the intended writes in the run's plan instead.
 */
export async function pushCallChanges(
  db: PrismaClient,
  connection: OpenedConnection,
  job: PushJob,
): Promise<PushResult> {
  const adapter = connection.adapter;
  if (!adapter.push) return { pushed: 0, skipped: 0 };
  const cursors = prismaCursorStore(db, connection.id);
  const stream = pushStream(job.callId);
  const done = BigInt((await cursors.get(stream)) ?? '0');
  const pending = await db.outboxEntry.findMany({
    where: { callId: job.callId, id: { gt: done, lte: job.outboxId } },
    orderBy: { id: 'asc' },
  });

  const call = await loadCallSnapshot(db, job.callId);
  if (!call) throw new Error(`call ${job.callId} does not exist`);
  const result: PushResult = { pushed: 0, skipped: 0 };
  const start = { connectionId: connection.id, kind: 'push' as const, trigger: 'outbox' };
  const plan = () => (connection.engine.dryRun ? connection.plan : undefined);
  await recordSyncRun(
    db,
    start,
    result,
    async () => {
      for (const entry of pending) {
        if (entry.originConnectionId === connection.id) {
          result.skipped += 1;
        } else {
          await adapter.push!({
            changeId: entry.id,
            topic: entry.topic,
            callId: job.callId,
            entityId: entry.entityId,
            payload: entry.payload as Record<string, unknown>,
            call,
            ...(entry.topic === 'message.created' && entry.entityId !== null
              ? { message: await loadMessage(db, entry.entityId) }
              : {}),
          });
          result.pushed += 1;
          connection.observer.pushed(
            { id: connection.id, adapter: connection.definition.kind },
            Date.now() - entry.createdAt.getTime(),
          );
        }
        await cursors.set(stream, String(entry.id));
      }
    },
    plan,
  );
  return result;
}

async function loadMessage(db: PrismaClient, id: bigint) {
  const message = await db.callMessage.findUniqueOrThrow({ where: { id } });
  return { id, message: message.message, date: message.date.toISOString(), fromPortalUser: message.ownerId !== null };
}
