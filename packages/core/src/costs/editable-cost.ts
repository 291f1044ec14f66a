import type { CallCost, Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { requireOwnedCall, type OwnedCall } from '../calls/owned-call.js';
import { readSystemSettings } from '../settings/system-settings.js';
import { isPastCostDeadline } from './deadline.js';

/** Whether the call's deadline for its call cost has passed (no deadline until the call is Done). */
export async function costDeadlinePassed(tx: Db, call: Pick<OwnedCall, 'finished'>, now: Date): Promise<boolean> {
  const { callCostDeadlineDayOfMonth } = await readSystemSettings(tx);
  return isPastCostDeadline(call.finished, callCostDeadlineDayOfMonth, now);
}

/**
 * The contractor's call cost, ready to be edited (spec E17–E22): the caller's call (404 code 1,
 * 403; the call row is locked, so edits of one call cost serialise), its call cost (404 code 2),
 * still a Draft, its call not Closed, and before the deadline (409: the spec's text says "cannot be created", Ambiguity 16).
 */
export async function requireEditableCost(
  tx: Db,
  callId: bigint,
  userId: bigint,
  now: Date,
): Promise<{ call: OwnedCall; cost: CallCost }> {
  const call = await requireOwnedCall(tx, callId, userId, { notFoundCode: 1, lock: true });
  const cost = await tx.callCost.findUnique({ where: { callId } });
  if (!cost) throw notFound(`call ${callId} has no call cost`, 2);
  await assertCostEditable(tx, call, cost, now);
  return { call, cost };
}

export async function assertCostEditable(tx: Db, call: OwnedCall, cost: CallCost, now: Date): Promise<void> {
  if (call.status === 'Closed') throw conflict('call cost cannot be modified: the call is Closed (§5.1 I7)');
  if (cost.status !== 'Draft') throw conflict(`call cost cannot be modified: it is ${cost.status}, not Draft`);
  if (await costDeadlinePassed(tx, call, now)) throw conflict('call cost cannot be modified: the deadline has passed');
}

/** 404 code 3 unless `expenditureItemId` is one of the call's available expenditure items (Ambiguity 15). */
export async function requireCallExpenditureItem(tx: Db, callId: bigint, expenditureItemId: bigint): Promise<void> {
  const item = await tx.expenditureItem.findFirst({ where: { id: expenditureItemId, callId }, select: { id: true } });
  if (!item) throw notFound(`expenditure item ${expenditureItemId} is not available on call ${callId}`, 3);
}
