import type { Db } from '@callbridge/db';
import type { CallSnapshot } from '../contract/adapter.js';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The call as an adapter sees it; null when there is none. */
export async function loadCallSnapshot(db: Db, callId: bigint): Promise<CallSnapshot | null> {
  const call = await db.call.findUnique({ where: { id: callId } });
  if (!call) return null;
  return {
    id: call.id,
    number: call.number,
    status: call.status,
    ownerId: call.ownerId,
    clientName: call.clientName,
    contactPersonName: call.contactPersonName,
    contactPersonPhone: call.contactPersonPhone,
    contactPersonEmail: call.contactPersonEmail,
    critical: call.critical,
    descriptionHtmlText: call.descriptionHtmlText,
    descriptionTextForFieldEmployee: call.descriptionTextForFieldEmployee,
    serviceObjectName: call.serviceObjectName,
    serviceObjectAddress: call.serviceObjectAddress,
    serviceObjectLatitude: call.serviceObjectLatitude,
    serviceObjectLongitude: call.serviceObjectLongitude,
    serviceObjectType: call.serviceObjectType,
    comments: call.comments,
    created: call.created.toISOString(),
    tto: iso(call.timeToObject),
    ttf: iso(call.timeToFix),
    commited: iso(call.commited),
    finished: iso(call.finished),
  };
}
