import { inTransaction, type Db, type MaterialOwnerType } from '@callbridge/db';
import { notFound } from '../errors.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { requireCallExpenditureItem, requireEditableCost } from './editable-cost.js';

export interface ExpenseInput {
  count: number;
  expenditureItemId: bigint;
}

export interface MaterialInput {
  count: number;
  name: string;
  ownerType: MaterialOwnerType;
  price: number;
  serialNumber: string;
}

type Change = { kind: 'expense' | 'material'; change: 'added' | 'changed' | 'removed'; id: bigint };

async function recordCostChange(tx: Db, callId: bigint, costId: bigint, change: Change): Promise<void> {
  await recordOutbox(tx, {
    topic: 'cost.changed',
    callId,
    entityId: costId,
    payload: { change: `${change.kind}.${change.change}`, itemId: Number(change.id) },
  });
}

/** E17: a New expense on the Draft call cost. */
export async function addExpense(db: Db, callId: bigint, userId: bigint, input: ExpenseInput, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const { cost } = await requireEditableCost(tx, callId, userId, now);
    await requireCallExpenditureItem(tx, callId, input.expenditureItemId);
    const expense = await tx.expense.create({
      data: { callCostId: cost.id, count: input.count, expenditureItemId: input.expenditureItemId },
      select: { id: true },
    });
    await recordCostChange(tx, callId, cost.id, { kind: 'expense', change: 'added', id: expense.id });
    return expense.id;
  });
}

/** E19 (`patch`) and E18 (`patch` null: remove): an expense of the Draft call cost, 404 code 3 when it is not one. */
export async function changeExpense(
  db: Db,
  callId: bigint,
  userId: bigint,
  expenseId: bigint,
  patch: Partial<ExpenseInput> | null,
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { cost } = await requireEditableCost(tx, callId, userId, now);
    const expense = await tx.expense.findFirst({ where: { id: expenseId, callCostId: cost.id }, select: { id: true } });
    if (!expense) throw notFound(`additional expense ${expenseId} not found in the call cost`, 3);
    if (patch === null) {
      await tx.expense.delete({ where: { id: expenseId } });
    } else {
      if (patch.expenditureItemId !== undefined) await requireCallExpenditureItem(tx, callId, patch.expenditureItemId);
      await tx.expense.update({ where: { id: expenseId }, data: patch });
    }
    await recordCostChange(tx, callId, cost.id, {
      kind: 'expense',
      change: patch ? 'changed' : 'removed',
      id: expenseId,
    });
  });
}

/** E20: a New material on the Draft call cost. */
export async function addMaterial(db: Db, callId: bigint, userId: bigint, input: MaterialInput, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const { cost } = await requireEditableCost(tx, callId, userId, now);
    const material = await tx.material.create({ data: { callCostId: cost.id, ...input }, select: { id: true } });
    await recordCostChange(tx, callId, cost.id, { kind: 'material', change: 'added', id: material.id });
    return material.id;
  });
}

/** E22 (`patch`) and E21 (`patch` null: remove): a material of the Draft call cost, 404 code 4 when it is not one. */
export async function changeMaterial(
  db: Db,
  callId: bigint,
  userId: bigint,
  materialId: bigint,
  patch: Partial<MaterialInput> | null,
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { cost } = await requireEditableCost(tx, callId, userId, now);
    const material = await tx.material.findFirst({
      where: { id: materialId, callCostId: cost.id },
      select: { id: true },
    });
    if (!material) throw notFound(`material (spare part) ${materialId} not found in the call cost`, 4);
    if (patch === null) await tx.material.delete({ where: { id: materialId } });
    else await tx.material.update({ where: { id: materialId }, data: patch });
    await recordCostChange(tx, callId, cost.id, {
      kind: 'material',
      change: patch ? 'changed' : 'removed',
      id: materialId,
    });
  });
}
