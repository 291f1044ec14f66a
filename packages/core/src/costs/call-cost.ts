import { inTransaction, type Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { requireOwnedCall } from '../calls/owned-call.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { costDeadlinePassed } from './editable-cost.js';

/**
 * The contractor opens the call cost (spec E14): an empty Draft, only once the call is Committed or
 * Done, only once, and not after the deadline (409 otherwise).
 */
export async function createCallCost(db: Db, callId: bigint, userId: bigint, now = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    if (call.status !== 'Committed' && call.status !== 'Done') {
      throw conflict(`call cost cannot be created: the call is ${call.status}`);
    }
    if (await tx.callCost.findUnique({ where: { callId }, select: { id: true } })) {
      throw conflict('call cost cannot be created: the call already has one');
    }
    if (await costDeadlinePassed(tx, call, now)) throw conflict('call cost cannot be created: the deadline has passed');
    const cost = await tx.callCost.create({ data: { callId }, select: { id: true } });
    await recordOutbox(tx, { topic: 'cost.changed', callId, entityId: cost.id, payload: { change: 'created' } });
  });
}

/** The contractor sends the call cost for approval (spec E23): Draft → InProgress, before the deadline. */
export async function sendCallCost(db: Db, callId: bigint, userId: bigint, now = new Date()): Promise<void> {
  await inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    const cost = await tx.callCost.findUnique({ where: { callId } });
    if (!cost) throw conflict('call cost status change is impossible: the call has no call cost');
    if (cost.status !== 'Draft') throw conflict(`call cost status change is impossible: it is ${cost.status}`);
    if (call.status === 'Closed') throw conflict('call cost status change is impossible: the call is Closed');
    if (await costDeadlinePassed(tx, call, now)) {
      throw conflict('call cost status change is impossible: the deadline has passed');
    }
    await tx.callCost.update({ where: { id: cost.id }, data: { status: 'InProgress', sentAt: now } });
    await recordOutbox(tx, { topic: 'cost.changed', callId, entityId: cost.id, payload: { change: 'sent' } });
  });
}

/** The call cost with its items for the dispatch centre (spec E15): 404 for no call or no call cost. */
export async function requireCallCostView(db: Db, callId: bigint) {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      callCost: {
        include: { expenses: { orderBy: { id: 'asc' } }, materials: { orderBy: { id: 'asc' } } },
      },
    },
  });
  if (!call) throw notFound(`call ${callId} not found`);
  if (!call.callCost) throw notFound(`call ${callId} has no call cost`);
  return call.callCost;
}
