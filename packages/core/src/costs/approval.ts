import { inTransaction, type ApprovalStatus, type Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { lockCall } from '../calls/owned-call.js';
import { notify } from '../notifications/notify.js';
import { recordOutbox } from '../outbox/record-outbox.js';

export interface ApprovalDecisions {
  expenses: Map<bigint, ApprovalStatus>;
  materials: Map<bigint, ApprovalStatus>;
}

/**
 * The dispatch centre decides on each expense and material (spec E16), all or nothing: 404 codes 1
 * (call), 2 (call cost), 3 (an expense not of this call cost), 4 (a material not of it); 409 unless
 * the call cost was sent (InProgress). When no item is New any more, the call cost is Processed
 * (Ambiguity 23). The owner is told what was decided.
 */
export async function decideCallCost(db: Db, callId: bigint, decisions: ApprovalDecisions): Promise<void> {
  await inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call ${callId} not found`, 1);
    const cost = await tx.callCost.findUnique({ where: { callId } });
    if (!cost) throw notFound(`call ${callId} has no call cost`, 2);
    if (cost.status !== 'InProgress') {
      throw conflict(`approval status of actual costs cannot be changed: the call cost is ${cost.status}`);
    }

    const expenseIds = [...decisions.expenses.keys()];
    const materialIds = [...decisions.materials.keys()];
    const [expenses, materials] = await Promise.all([
      tx.expense.findMany({ where: { callCostId: cost.id, id: { in: expenseIds } }, select: { id: true } }),
      tx.material.findMany({ where: { callCostId: cost.id, id: { in: materialIds } }, select: { id: true } }),
    ]);
    const missingExpense = expenseIds.find((id) => !expenses.some((e) => e.id === id));
    if (missingExpense !== undefined) throw notFound(`additional expense ${missingExpense} not found`, 3);
    const missingMaterial = materialIds.find((id) => !materials.some((m) => m.id === id));
    if (missingMaterial !== undefined) throw notFound(`material (spare part) ${missingMaterial} not found`, 4);

    for (const [id, status] of decisions.expenses) await tx.expense.update({ where: { id }, data: { status } });
    for (const [id, status] of decisions.materials) await tx.material.update({ where: { id }, data: { status } });

    const stillNew =
      (await tx.expense.count({ where: { callCostId: cost.id, status: 'New' } })) +
      (await tx.material.count({ where: { callCostId: cost.id, status: 'New' } }));
    const processed = stillNew === 0;
    if (processed) await tx.callCost.update({ where: { id: cost.id }, data: { status: 'Processed' } });

    const decided = decisions.expenses.size + decisions.materials.size;
    await notify(tx, {
      userId: call.ownerId,
      callId,
      kind: 'cost.decision',
      text:
        `The dispatcher decided on ${decided} item(s) of the call cost of call ${call.number}` +
        (processed ? '; the call cost is processed' : ''),
    });
    await recordOutbox(tx, {
      topic: 'cost.changed',
      callId,
      entityId: cost.id,
      payload: { change: processed ? 'processed' : 'decided', decided },
    });
  });
}
