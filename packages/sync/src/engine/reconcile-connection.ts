import { readStampHorizon } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';
import { prismaCursorStore } from './stores.js';
import { pushStream, type PushJob } from './push-changes.js';
import { routesOwner } from './route-change.js';

/** Calls read per reconcile round. */
const PAGE = 500;
export const RECONCILE_STREAM = 'reconcile:calls';

/**
 * The safety net under the outbox path (issue 4): reads the calls modified since the connection's
 * own cursor in the portal's feed order (stamp, below the horizon, like GET /call/modifications),
 * and for each call routed to the connection whose changes are not all pushed, asks for a push job.
 * `enqueue` uses the push job's deterministic id, so a push already queued or failed (waiting for
 * a support engineer's replay) is not doubled. The cursor moves after the page is handled.
 */
export async function reconcileConnection(
  db: PrismaClient,
  connectionId: string,
  enqueue: (job: PushJob) => Promise<void>,
): Promise<{ checked: number; enqueued: number; more: boolean }> {
  const connection = await db.connection.findUniqueOrThrow({ where: { id: connectionId }, select: { filter: true } });
  const cursors = prismaCursorStore(db, connectionId);
  const after = BigInt((await cursors.get(RECONCILE_STREAM)) ?? '0');
  const horizon = await readStampHorizon(db);
  const calls = await db.call.findMany({
    where: { timestamp: { gt: after, lt: horizon } },
    orderBy: { timestamp: 'asc' },
    take: PAGE,
    select: { id: true, ownerId: true, timestamp: true },
  });
  let enqueued = 0;
  for (const call of calls) {
    if (!routesOwner(connection.filter, call.ownerId)) continue;
    const latest = await db.outboxEntry.findFirst({
      where: { callId: call.id, OR: [{ originConnectionId: null }, { originConnectionId: { not: connectionId } }] },
      orderBy: { id: 'desc' },
      select: { id: true },
    });
    if (!latest) continue;
    const pushed = BigInt((await cursors.get(pushStream(call.id))) ?? '0');
    if (latest.id <= pushed) continue;
    await enqueue({ connectionId, callId: call.id, outboxId: latest.id });
    enqueued += 1;
  }
  const last = calls.at(-1);
  if (last) await cursors.set(RECONCILE_STREAM, String(last.timestamp));
  return { checked: calls.length, enqueued, more: calls.length === PAGE };
}
