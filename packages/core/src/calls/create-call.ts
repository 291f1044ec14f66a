import { inTransaction, type Db } from '@callbridge/db';
import { notFound } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { recordOutbox } from '../outbox/record-outbox.js';

export interface NewCall {
  ownerId: bigint;
  clientName: string;
  contactPersonName?: string | undefined;
  contactPersonPhone?: string | undefined;
  contactPersonEmail?: string | undefined;
  created: Date;
  critical?: boolean | undefined;
  descriptionHtmlText: string;
  descriptionTextForFieldEmployee: string;
  serviceObjectName: string;
  serviceObjectAddress: string;
  serviceObjectLatitude: number;
  serviceObjectLongitude: number;
  serviceObjectType?: string | undefined;
  ttf?: Date | undefined;
  tto?: Date | undefined;
  tasks: { title: string }[];
  availableExpenditureItems: { name: string }[];
}

export interface CreatedCall {
  id: bigint;
  number: string;
  created: Date;
  tasks: { id: bigint }[];
}

/**
 * The dispatch centre creates a call (spec E1): status New, its tasks New in the given order, its
 * expenditure items, a number from `call_number_seq`, a notification for the owner and an outbox
 * entry — all in one transaction.
 */
export async function createCall(db: Db, input: NewCall): Promise<CreatedCall> {
  return inTransaction(db, async (tx) => {
    const owner = await tx.user.findUnique({ where: { id: input.ownerId }, select: { id: true } });
    if (!owner) throw notFound(`user ${input.ownerId} not found`, 3);

    const number = await nextCallNumber(tx);
    const call = await tx.call.create({
      data: {
        number,
        ownerId: input.ownerId,
        clientName: input.clientName,
        contactPersonName: input.contactPersonName ?? null,
        contactPersonPhone: input.contactPersonPhone ?? null,
        contactPersonEmail: input.contactPersonEmail ?? null,
        created: input.created,
        critical: input.critical ?? false,
        descriptionHtmlText: input.descriptionHtmlText,
        descriptionTextForFieldEmployee: input.descriptionTextForFieldEmployee,
        serviceObjectName: input.serviceObjectName,
        serviceObjectAddress: input.serviceObjectAddress,
        serviceObjectLatitude: input.serviceObjectLatitude,
        serviceObjectLongitude: input.serviceObjectLongitude,
        serviceObjectType: input.serviceObjectType ?? null,
        timeToFix: input.ttf ?? null,
        timeToObject: input.tto ?? null,
        tasks: { create: input.tasks.map((task, position) => ({ title: task.title, position })) },
        availableExpenditureItems: { create: input.availableExpenditureItems.map((item) => ({ name: item.name })) },
      },
      select: { id: true, number: true, created: true, tasks: { select: { id: true }, orderBy: { position: 'asc' } } },
    });

    await notify(tx, {
      userId: input.ownerId,
      callId: call.id,
      kind: 'call.assigned',
      text: `Call ${number} was assigned to you`,
    });
    await recordOutbox(tx, { topic: 'call.created', callId: call.id });
    return call;
  });
}

async function nextCallNumber(tx: Db): Promise<string> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('call_number_seq') AS n`;
  return `CB${String(row!.n).padStart(8, '0')}`;
}
