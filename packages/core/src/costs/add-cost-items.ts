import type { Db } from '@callbridge/db';
import { recordOutbox } from '../outbox/record-outbox.js';
import type { OwnedCall } from '../calls/owned-call.js';
import { assertCostEditable, requireCallExpenditureItem } from './editable-cost.js';
import type { ExpenseInput, MaterialInput } from './cost-items.js';

/**
 * A field employee's expenses and materials (spec E34), in the caller's transaction: a Draft call
 * cost is opened when the call has none; 409 when it exists and is no longer editable.
 */
export async function addCostItems(
  tx: Db,
  call: OwnedCall,
  items: { expenses: ExpenseInput[]; materials: MaterialInput[] },
  now = new Date(),
): Promise<void> {
  const cost =
    (await tx.callCost.findUnique({ where: { callId: call.id } })) ??
    (await tx.callCost.create({ data: { callId: call.id } }));
  await assertCostEditable(tx, call, cost, now);
  for (const expense of items.expenses) await requireCallExpenditureItem(tx, call.id, expense.expenditureItemId);
  await tx.expense.createMany({ data: items.expenses.map((expense) => ({ callCostId: cost.id, ...expense })) });
  await tx.material.createMany({ data: items.materials.map((material) => ({ callCostId: cost.id, ...material })) });
  await recordOutbox(tx, {
    topic: 'cost.changed',
    callId: call.id,
    entityId: cost.id,
    payload: { change: 'field-report', expenses: items.expenses.length, materials: items.materials.length },
  });
}
