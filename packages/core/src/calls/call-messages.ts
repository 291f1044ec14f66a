import { inTransaction, type Db } from '@callbridge/db';
import { conflict, notFound } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { lockCall, requireOwnedCall, type OwnedCall } from './owned-call.js';

const messageWithOwner = {
  id: true,
  callId: true,
  date: true,
  message: true,
  timestamp: true,
  owner: { select: { id: true, name: true } },
} as const;

export interface SavedMessage {
  id: bigint;
  callId: bigint;
  date: Date;
  message: string;
  timestamp: bigint;
  owner: { id: bigint; name: string } | null;
}

/**
 * The dispatch centre (or an external system, through a pull) writes on a call (spec E9): the
 * message has no owner, carries the date the sender gives, and the call's owner is notified. A
 * Closed call takes no messages (409).
 */
export async function postExternalMessage(
  db: Db,
  callId: bigint,
  input: { message: string; date: Date },
  origin: { connectionId?: string } = {},
): Promise<SavedMessage> {
  return inTransaction(db, async (tx) => {
    const call = await lockCall(tx, callId);
    if (!call) throw notFound(`call with id ${callId} not found`);
    const saved = await saveMessage(tx, call, { ...input, ownerId: null, originConnectionId: origin.connectionId });
    await notify(tx, {
      userId: call.ownerId,
      callId,
      kind: 'call.dispatcher-message',
      text: `New message from the dispatcher on call ${call.number}`,
    });
    return saved;
  });
}

/** The contractor writes on their own call (spec E11): owner = the caller, date = now. */
export async function postUserMessage(
  db: Db,
  callId: bigint,
  userId: bigint,
  message: string,
  now = new Date(),
): Promise<SavedMessage> {
  return inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    return saveMessage(tx, call, { message, date: now, ownerId: userId });
  });
}

async function saveMessage(
  tx: Db,
  call: OwnedCall,
  input: { message: string; date: Date; ownerId: bigint | null; originConnectionId?: string | undefined },
): Promise<SavedMessage> {
  if (call.status === 'Closed') throw conflict(`call ${call.id} is Closed: it takes no messages`);
  const saved = await tx.callMessage.create({
    data: {
      callId: call.id,
      ownerId: input.ownerId,
      message: input.message,
      date: input.date,
      originConnectionId: input.originConnectionId ?? null,
    },
    select: messageWithOwner,
  });
  await recordOutbox(tx, {
    topic: 'message.created',
    callId: call.id,
    entityId: saved.id,
    originConnectionId: input.originConnectionId ?? null,
  });
  return saved;
}
