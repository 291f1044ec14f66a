import { inTransaction, type Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { dispatcherMayClose } from './call-status.js';
import { lockCall } from './owned-call.js';

/** The dispatch centre closes a Done call (spec E8, Ambiguity 21); any other status is 409. */
export async function closeCall(db: Db, callId: bigint, origin: { connectionId?: string } = {}): Promise<void> {
  await inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call ${callId} not found`);
    if (!dispatcherMayClose(call.status)) throw conflict(`call status cannot be changed: the call is ${call.status}`);
    await tx.call.update({
      where: { id: callId },
      data: { status: 'Closed', lastChangeOriginId: origin.connectionId ?? null },
    });
    await notify(tx, { userId: call.ownerId, callId, kind: 'call.closed', text: `Call ${call.number} was closed` });
    await recordOutbox(tx, {
      topic: 'call.status',
      callId,
      payload: { from: call.status, to: 'Closed' },
      originConnectionId: origin.connectionId ?? null,
    });
  });
}
