import type { CallStatus, Db } from '@callbridge/db';
import { DomainError } from '../errors.js';

export interface OwnedCall {
  id: bigint;
  ownerId: bigint;
  status: CallStatus;
  number: string;
  finished: Date | null;
}

/**
 * The call `callId` as seen by the contractor `userId` (UserAuth): 404 when it does not exist
 * (with the endpoint's own errorCode where it documents one), 403 when it belongs to another user
 * (spec §1.4). Locks the row (`FOR UPDATE`) when `lock` is set, so two status changes of one call
 * serialise instead of both passing the check.
 */
export async function requireOwnedCall(
  db: Db,
  callId: bigint,
  userId: bigint,
  options: { notFoundCode?: number; lock?: boolean } = {},
): Promise<OwnedCall> {
  const call = options.lock ? await lockCall(db, callId) : await findCall(db, callId);
  if (!call) throw new DomainError(404, `call ${callId} not found`, options.notFoundCode);
  if (call.ownerId !== userId) throw new DomainError(403, `access denied: call ${callId} belongs to another user`);
  return call;
}

/** The call by id, locked for the rest of the transaction; null when there is none. */
export async function lockCall(db: Db, callId: bigint): Promise<OwnedCall | null> {
  const rows = await db.$queryRaw<OwnedCall[]>`
    SELECT id, "ownerId", status::text AS status, number, finished
    FROM calls WHERE id = ${callId} FOR UPDATE`;
  return rows[0] ?? null;
}

function findCall(db: Db, callId: bigint): Promise<OwnedCall | null> {
  return db.call.findUnique({
    where: { id: callId },
    select: { id: true, ownerId: true, status: true, number: true, finished: true },
  });
}

/**
 * Gives the call a new modification stamp without changing a field of its own: its DTO embeds tasks,
 * results, attachments and jeopardies, so their changes must show in the calls feed (spec §7). The
 * stamp trigger fires on any UPDATE of the row.
 */
export async function touchCall(db: Db, callId: bigint, originConnectionId: string | null = null): Promise<void> {
  await db.call.update({ where: { id: callId }, data: { lastChangeOriginId: originConnectionId } });
}
