import { inTransaction, type CallStatus, type Db } from '@callbridge/db';
import { conflict, invalid } from '../errors.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { contractorMayMove } from './call-status.js';
import { requireOwnedCall } from './owned-call.js';

export interface CallStatusChange {
  status: CallStatus;
  comments?: string | undefined;
}

export interface ChangedCallStatus {
  commited: Date | null;
  finished: Date | null;
}

/**
 * The contractor moves their call along its lifecycle (spec E12): New → Committed sets `commited`,
 * Committed → Done sets `finished` and needs a non-empty comment (400 code 6, Ambiguity 20). Any
 * other target is 409. The call row is locked, so two changes of one call never both pass.
 */
export async function changeCallStatus(
  db: Db,
  callId: bigint,
  userId: bigint,
  change: CallStatusChange,
  now = new Date(),
): Promise<ChangedCallStatus> {
  const comments = change.comments?.trim();
  if (change.status === 'Done' && !comments) throw invalid('comments must not be empty when the call becomes Done', 6);

  return inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    if (!contractorMayMove(call.status, change.status)) {
      throw conflict(`call status cannot be changed from ${call.status} to ${change.status}`);
    }
    const updated = await tx.call.update({
      where: { id: callId },
      data: {
        status: change.status,
        ...(change.status === 'Committed' ? { commited: now } : { finished: now }),
        ...(comments ? { comments } : {}),
        lastChangeOriginId: null,
      },
      select: { commited: true, finished: true },
    });
    await recordOutbox(tx, { topic: 'call.status', callId, payload: { from: call.status, to: change.status } });
    return updated;
  });
}
