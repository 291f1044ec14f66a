import type { Db, Prisma } from '@callbridge/db';

export type OutboxTopic =
  | 'call.created'
  | 'call.changed'
  | 'call.status'
  | 'message.created'
  | 'jeopardy.changed'
  | 'task.changed'
  | 'attachment.created'
  | 'cost.changed';

export interface OutboxRecord {
  topic: OutboxTopic;
  callId: bigint;
  entityId?: bigint;
  payload?: Prisma.InputJsonObject;
  /** The connection whose pull caused the change: the change is never pushed back to it. */
  originConnectionId?: string | null;
}

/**
 * Records a change that external systems must hear about. Call it with the transaction that makes
 * the change, so the change and its outbox row commit (or roll back) together.
 */
export async function recordOutbox(tx: Db, record: OutboxRecord): Promise<bigint> {
  const entry = await tx.outboxEntry.create({
    data: {
      topic: record.topic,
      callId: record.callId,
      entityId: record.entityId ?? null,
      payload: record.payload ?? {},
      originConnectionId: record.originConnectionId ?? null,
    },
    select: { id: true },
  });
  return entry.id;
}
