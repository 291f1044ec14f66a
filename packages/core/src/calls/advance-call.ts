import { inTransaction, type Db } from '@callbridge/db';
import { invalid, notFound } from '../errors.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { contractorPath } from './call-status.js';
import { lockCall } from './owned-call.js';

/** What the contractor's own system reports about a call's progress. */
export type CallProgress =
  { status: 'Committed'; at: Date } | { status: 'Done'; at: Date; comment: string; committedAt?: Date | undefined };

/**
 * Moves a call forward as the contractor's ticketing system reports it (a pull), tagged with the
 * connection it came from so the change is not pushed back there. Idempotent: a call already at or
 * beyond the reported status is left alone (false). A call still New that the system reports Done
 * passes through Committed, as the contractor's lifecycle requires (§5.1).
 */
export async function advanceCall(
  db: Db,
  callId: bigint,
  progress: CallProgress,
  origin: { connectionId: string },
): Promise<boolean> {
  const comment = progress.status === 'Done' ? progress.comment.trim() : '';
  if (progress.status === 'Done' && !comment) throw invalid('a Done call needs a comment', 6);
  return inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call ${callId} not found`);
    const steps = contractorPath(call.status, progress.status);
    if (!steps) return false;
    let from = call.status;
    for (const to of steps) {
      await tx.call.update({
        where: { id: callId },
        data: {
          status: to,
          ...(to === 'Committed'
            ? { commited: progress.status === 'Done' ? (progress.committedAt ?? progress.at) : progress.at }
            : { finished: progress.at, comments: comment }),
          lastChangeOriginId: origin.connectionId,
        },
      });
      await recordOutbox(tx, {
        topic: 'call.status',
        callId,
        payload: { from, to },
        originConnectionId: origin.connectionId,
      });
      from = to;
    }
    return true;
  });
}
