import { inTransaction, type Db, type MaterialOwnerType } from '@callbridge/db';
import { addCostItems } from '../costs/index.js';
import { DomainError, conflict, notFound } from '../errors.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { applyTaskResults } from '../tasks/index.js';
import { lockCall } from './owned-call.js';

export interface FieldEmployeeReport {
  comments: string;
  callTaskResults: { taskId: bigint; newStatus: 'New' | 'Done' | 'Canceled' }[];
  expenses: { count: number; expenditureItemId: bigint }[];
  materials: { count: number; name: string; ownerType: MaterialOwnerType; price: number; serialNumber: string }[];
}

/**
 * A field employee reports the call done through a temporary link (spec E34), all in one
 * transaction: the task results, the expenses and materials (a Draft call cost is created when
 * there is none), the comment, and Committed → Done. Anything that fails undoes everything.
 *
 * The call's status is checked first (409 code 7): on a call that is not Committed the task
 * changes would fail too, and "the call cannot be completed" is the answer that explains why.
 */
export async function completeByFieldEmployee(
  db: Db,
  callId: bigint,
  report: FieldEmployeeReport,
  now = new Date(),
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call ${callId} not found`);
    if (call.status !== 'Committed') {
      throw conflict(`call status change error: the call is ${call.status}, not Committed`, 7);
    }
    await applyTaskResults(tx, callId, report.callTaskResults);
    if (report.expenses.length > 0 || report.materials.length > 0) {
      await addCostItems(tx, call, { expenses: report.expenses, materials: report.materials }, now).catch(
        (error: unknown) => {
          // The call cannot be completed with costs its call cost no longer takes: a call status change error.
          if (error instanceof DomainError && error.status === 409) throw conflict(error.message, 7);
          throw error;
        },
      );
    }
    await tx.call.update({
      where: { id: callId },
      data: { status: 'Done', finished: now, comments: report.comments.trim(), lastChangeOriginId: null },
    });
    await recordOutbox(tx, {
      topic: 'call.status',
      callId,
      payload: { from: 'Committed', to: 'Done', by: 'field-employee' },
    });
  });
}
