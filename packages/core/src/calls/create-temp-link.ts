import { inTransaction, type Db } from '@callbridge/db';
import { conflict } from '../errors.js';
import { requireOwnedCall } from './owned-call.js';
import { issueTempLink } from './temp-links.js';

/**
 * The contractor asks for a temporary link for a field employee (spec E5): only while the call is
 * accepted ('Принят исполнителем' = Committed, I1). Every request issues a new link, which
 * invalidates the older tokens of the call (the spec allows either reading).
 */
export async function createTempLink(db: Db, callId: bigint, userId: bigint): Promise<string> {
  return inTransaction(db, async (tx) => {
    const call = await requireOwnedCall(tx, callId, userId, { lock: true });
    if (call.status !== 'Committed') {
      throw conflict(`the call is not in status 'Accepted by contractor' (Committed): it is ${call.status}`);
    }
    return issueTempLink(tx, callId);
  });
}
