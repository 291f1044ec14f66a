import {
  advanceCall,
  closeCall,
  DomainError,
  dispatcherMayClose,
  notify,
  postExternalMessage,
  raiseExternalJeopardy,
} from '@callbridge/core';
import { inTransaction, type BlobStore, type Db } from '@callbridge/db';
import type { Logger } from 'pino';
import type { PortalOperations } from '../contract/adapter.js';
import { loadCallSnapshot } from './call-snapshot.js';
import { routesOwner } from './route-change.js';

/**
 * The portal operations of one connection's pulls. Every change carries the connection as its
 * origin, so the outbox never sends it back there. An external id is linked in the transaction that
 * applies it: a crash after the apply cannot let a retry apply it again. A change the portal refuses
 * (409: the call is Closed, a jeopardy is already open) is logged and skipped, not retried forever.
 */
export function portalOperations(db: Db, connectionId: string, logger: Logger, blobs?: BlobStore): PortalOperations {
  const origin = { connectionId };
  const linked = (tx: Db, entity: string, externalId: string) =>
    tx.externalLink.findUnique({
      where: { connectionId_entity_externalId: { connectionId, entity, externalId } },
      select: { localId: true },
    });
  const link = (tx: Db, entity: string, localId: bigint, externalId: string) =>
    tx.externalLink.create({ data: { connectionId, entity, localId, externalId } });
  const refused = (what: string, callId: bigint, error: unknown) => {
    if (error instanceof DomainError && error.status === 409) {
      logger.warn({ callId: String(callId), reason: error.message }, `${what} not applied: the portal refused it`);
      return false;
    }
    throw error;
  };

  return {
    call: (callId) => loadCallSnapshot(db, callId),

    async advanceCall(callId, progress) {
      return advanceCall(db, callId, progress, origin);
    },

    async postMessage(callId, message) {
      try {
        return await inTransaction(db, async (tx) => {
          if (await linked(tx, 'message', message.externalId)) return false;
          const echo = await ownUnlinkedMessage(tx, connectionId, callId, message.text);
          if (echo !== null) {
            // Our own push whose link was lost (a crash between "sent" and "link saved"): adopt it.
            await link(tx, 'message', echo, message.externalId);
            return false;
          }
          const saved = await postExternalMessage(tx, callId, { message: message.text, date: message.date }, origin);
          await link(tx, 'message', saved.id, message.externalId);
          return true;
        });
      } catch (error) {
        return refused('message', callId, error);
      }
    },

    async closeCall(callId) {
      try {
        // Not Done (already Closed, or not yet finished): nothing to do, and no 409 to log each poll.
        const call = await db.call.findUnique({ where: { id: callId }, select: { status: true } });
        if (!call || !dispatcherMayClose(call.status)) return false;
        await closeCall(db, callId, origin);
        return true;
      } catch (error) {
        return refused('close', callId, error);
      }
    },

    async requestAttention(callId, request) {
      try {
        return await inTransaction(db, async (tx) => {
          if (await linked(tx, 'attention', request.externalId)) return false;
          const saved = await postExternalMessage(tx, callId, { message: request.text, date: request.date }, origin);
          await notify(tx, {
            userId: (await loadOwner(tx, callId))!,
            callId,
            kind: 'call.attention',
            text: request.text,
          });
          await link(tx, 'attention', saved.id, request.externalId);
          return true;
        });
      } catch (error) {
        return refused('attention request', callId, error);
      }
    },

    async findCallByNumber(number) {
      const call = await db.call.findUnique({ where: { number }, select: { id: true, ownerId: true } });
      if (!call) return null;
      const connection = await db.connection.findUnique({ where: { id: connectionId }, select: { filter: true } });
      return connection && routesOwner(connection.filter, call.ownerId) ? loadCallSnapshot(db, call.id) : null;
    },

    async attachment(id) {
      const row = await db.callTaskAttachment.findUnique({ where: { id } });
      const bytes = row && blobs ? await blobs.get(row.blobKey) : null;
      return row && bytes ? { id, fileName: row.name, contentType: row.contentType, bytes } : null;
    },

    async raiseJeopardy(callId, jeopardy) {
      try {
        return await inTransaction(db, async (tx) => {
          if (await linked(tx, 'jeopardy', jeopardy.externalId)) return false;
          const raised = await raiseExternalJeopardy(tx, callId, jeopardy.comment, origin);
          await link(tx, 'jeopardy', raised.id, jeopardy.externalId);
          return true;
        });
      } catch (error) {
        return refused('jeopardy', callId, error);
      }
    },
  };
}

async function loadOwner(tx: Db, callId: bigint): Promise<bigint | null> {
  return (await tx.call.findUnique({ where: { id: callId }, select: { ownerId: true } }))?.ownerId ?? null;
}

/** A message of the call with this text that did not come from this connection and has no link to it. */
async function ownUnlinkedMessage(tx: Db, connectionId: string, callId: bigint, text: string): Promise<bigint | null> {
  const candidates = await tx.callMessage.findMany({
    where: { callId, message: text, OR: [{ originConnectionId: null }, { originConnectionId: { not: connectionId } }] },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  for (const candidate of candidates) {
    const link = await tx.externalLink.findUnique({
      where: { connectionId_entity_localId: { connectionId, entity: 'message', localId: candidate.id } },
    });
    if (!link) return candidate.id;
  }
  return null;
}
