import { inTransaction, type Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { lockCall, requireOwnedCall, type OwnedCall } from './owned-call.js';

/**
 * The contractor reports a risk of non-fulfilment (spec E10, I9): 409 while one is still open or
 * when the call is Done or Closed. The call shows the flag and its history, so its stamp moves too.
 */
export async function raiseJeopardy(
  db: Db,
  callId: bigint,
  userId: bigint,
  comment: string,
  now = new Date(),
): Promise<{ id: bigint; date: Date }> {
  return inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    return openJeopardyOn(tx, call, comment, null, now);
  });
}

/**
 * The contractor's own system reports a risk (a pull, e.g. a ticket cancelled there): the same rules
 * as E10, tagged with the connection so it is not pushed back to it.
 */
export async function raiseExternalJeopardy(
  db: Db,
  callId: bigint,
  comment: string,
  origin: { connectionId: string },
  now = new Date(),
): Promise<{ id: bigint; date: Date }> {
  return inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call ${callId} not found`);
    return openJeopardyOn(tx, call, comment, origin.connectionId, now);
  });
}

async function openJeopardyOn(tx: Db, call: OwnedCall, comment: string, originConnectionId: string | null, now: Date) {
  if (call.status === 'Done' || call.status === 'Closed') {
    throw conflict(`the Jeopardy flag cannot be set: the call is ${call.status}`);
  }
  if (await openJeopardy(tx, call.id)) throw conflict('the Jeopardy flag cannot be set: one is already open');
  const jeopardy = await tx.callJeopardy.create({
    data: { callId: call.id, comment, date: now, originConnectionId },
    select: { id: true, date: true },
  });
  await tx.call.update({ where: { id: call.id }, data: { isJeopardy: true, lastChangeOriginId: originConnectionId } });
  await recordOutbox(tx, {
    topic: 'jeopardy.changed',
    callId: call.id,
    entityId: jeopardy.id,
    payload: { change: 'raised' },
    originConnectionId,
  });
  return jeopardy;
}

/** The dispatch centre answers the open risk and clears the flag (spec E13); 409 when none is open. */
export async function answerJeopardy(
  db: Db,
  callId: bigint,
  answerComment: string,
  origin: { connectionId?: string } = {},
  now = new Date(),
): Promise<{ answerDate: Date }> {
  return inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call with id ${callId} not found`);
    const open = await openJeopardy(tx, callId);
    if (!open) throw conflict('the Jeopardy flag cannot be removed: no jeopardy is open');
    await tx.callJeopardy.update({
      where: { id: open.id },
      data: { answerComment, answerDate: now, originConnectionId: origin.connectionId ?? null },
    });
    await tx.call.update({
      where: { id: callId },
      data: { isJeopardy: false, lastChangeOriginId: origin.connectionId ?? null },
    });
    await notify(tx, {
      userId: call.ownerId,
      callId,
      kind: 'call.jeopardy-answered',
      text: `The dispatcher answered the jeopardy on call ${call.number}`,
    });
    await recordOutbox(tx, {
      topic: 'jeopardy.changed',
      callId,
      entityId: open.id,
      payload: { change: 'answered' },
      originConnectionId: origin.connectionId ?? null,
    });
    return { answerDate: now };
  });
}

function openJeopardy(tx: Db, callId: bigint) {
  return tx.callJeopardy.findFirst({ where: { callId, answerDate: null }, select: { id: true } });
}
