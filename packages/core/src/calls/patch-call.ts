import { inTransaction, type Db } from '@callbridge/db';
import { notFound } from '../errors.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { lockCall } from './owned-call.js';

export interface CallPatch {
  ttf?: Date | undefined;
  tto?: Date | undefined;
}

/**
 * The dispatch centre changes a call's deadlines (spec E7): only `ttf` and `tto`, absent fields stay,
 * any status (no 409 is documented, I8). The call gets a new stamp even for an empty patch, which
 * keeps "every write gives a new stamp" simple for feed readers.
 */
export async function patchCall(db: Db, callId: bigint, patch: CallPatch): Promise<bigint> {
  return inTransaction(db, async (tx) => {
    if (!(await lockCall(tx, callId))) throw notFound(`call with id ${callId} not found`);
    await tx.call.update({
      where: { id: callId },
      data: {
        ...(patch.ttf ? { timeToFix: patch.ttf } : {}),
        ...(patch.tto ? { timeToObject: patch.tto } : {}),
        lastChangeOriginId: null,
      },
    });
    const changed = Object.fromEntries(
      Object.entries({ ttf: patch.ttf, tto: patch.tto }).flatMap(([key, value]) =>
        value ? [[key, value.toISOString()]] : [],
      ),
    );
    await recordOutbox(tx, { topic: 'call.changed', callId, payload: { changed } });
    return callId;
  });
}
