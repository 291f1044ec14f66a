import { inTransaction, type CallTaskStatus, type Db } from '@callbridge/db';
import { DomainError, conflict, notFound } from '../errors.js';
import { requireOwnedCall, touchCall } from '../calls/owned-call.js';
import { recordOutbox } from '../outbox/record-outbox.js';

/** Task transitions (spec §5.2): New → Done (the task gets its empty result) and New → Canceled. */
export function taskMayMove(from: CallTaskStatus, to: CallTaskStatus): boolean {
  return from === 'New' && (to === 'Done' || to === 'Canceled');
}

async function moveTask(tx: Db, task: { id: bigint; callId: bigint; status: CallTaskStatus }, to: CallTaskStatus) {
  await tx.callTask.update({ where: { id: task.id }, data: { status: to } });
  if (to === 'Done') await tx.callTaskResult.create({ data: { taskId: task.id } });
  await recordOutbox(tx, { topic: 'task.changed', callId: task.callId, entityId: task.id, payload: { to } });
}

/**
 * The contractor moves a task of their call (spec E30): only while the call is Committed and only
 * along §5.2; anything else is 409. The call's stamp moves, since its DTO shows its tasks.
 */
export async function changeTaskStatus(db: Db, taskId: bigint, userId: bigint, to: CallTaskStatus): Promise<void> {
  await inTransaction(db, async (tx) => {
    const task = await tx.callTask.findUnique({
      where: { id: taskId },
      select: { id: true, callId: true, status: true },
    });
    if (!task) throw notFound(`call task with id ${taskId} not found`);
    const call = await requireOwnedCall(tx, task.callId, userId, { lock: true });
    const current = await tx.callTask.findUniqueOrThrow({ where: { id: taskId }, select: { status: true } });
    if (call.status !== 'Committed') throw conflict(`call task status cannot be changed: the call is ${call.status}`);
    if (!taskMayMove(current.status, to)) {
      throw conflict(`call task status cannot be changed from ${current.status} to ${to}`);
    }
    await moveTask(tx, { ...task, status: current.status }, to);
    await touchCall(tx, task.callId);
  });
}

/**
 * A field employee's task results (spec E34 step 1), in the caller's transaction, which has locked
 * the call and checked its status: unknown tasks or tasks of another call are 404, a transition
 * §5.2 forbids is 409 code 3, and New → New is a no-op.
 */
export async function applyTaskResults(
  tx: Db,
  callId: bigint,
  items: { taskId: bigint; newStatus: CallTaskStatus }[],
): Promise<void> {
  for (const item of items) {
    const task = await tx.callTask.findUnique({
      where: { id: item.taskId },
      select: { id: true, callId: true, status: true },
    });
    if (!task || task.callId !== callId) throw notFound(`call task ${item.taskId} not found on this call`);
    if (task.status === 'New' && item.newStatus === 'New') continue;
    if (!taskMayMove(task.status, item.newStatus)) {
      throw new DomainError(409, `call task ${item.taskId} cannot go from ${task.status} to ${item.newStatus}`, 3);
    }
    await moveTask(tx, task, item.newStatus);
  }
}
