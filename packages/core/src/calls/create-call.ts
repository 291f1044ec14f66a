import type { Db } from '@callbridge/db';
import { notFound } from '../errors.js';

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

/** The dispatch centre creates a call (spec E1); 404 code 3 when the owner is no user. */
export async function createCall(db: Db, input: NewCall): Promise<CreatedCall> {
  const [created] = await createCalls(db, [input]);
  if (!created) throw notFound(`user ${input.ownerId} not found`, 3);
  return created;
}

/**
 * Creates calls (spec E1): each New, with its tasks New in the given order, its expenditure items,
 * a number from `call_number_seq`, a notification for its owner and an outbox entry `call.created`.
 * The answer has one entry per input, in order: the created call, or null when its owner is no user
 * (that input writes nothing).
 *
 * It is one SQL statement however many calls it carries, so it is atomic on its own and costs one
 * round trip: POST /call is the portal's hottest write, and concurrent requests are batched into
 * one statement by the API (bench/ measures it against a one-insert baseline). Ids are drawn before
 * the inserts, so every row of the statement knows its call.
 */
export async function createCalls(db: Db, inputs: NewCall[]): Promise<(CreatedCall | null)[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input, ord) => ({
    ord,
    ownerId: String(input.ownerId),
    clientName: input.clientName,
    contactPersonName: input.contactPersonName ?? null,
    contactPersonPhone: input.contactPersonPhone ?? null,
    contactPersonEmail: input.contactPersonEmail ?? null,
    created: input.created.toISOString(),
    critical: input.critical ?? false,
    descriptionHtmlText: input.descriptionHtmlText,
    descriptionTextForFieldEmployee: input.descriptionTextForFieldEmployee,
    serviceObjectName: input.serviceObjectName,
    serviceObjectAddress: input.serviceObjectAddress,
    serviceObjectLatitude: input.serviceObjectLatitude,
    serviceObjectLongitude: input.serviceObjectLongitude,
    serviceObjectType: input.serviceObjectType ?? null,
    ttf: input.ttf?.toISOString() ?? null,
    tto: input.tto?.toISOString() ?? null,
    tasks: input.tasks.map((task) => task.title),
    items: input.availableExpenditureItems.map((item) => item.name),
  }));
  const created = await db.$queryRaw<
    { ord: number; id: bigint; number: string; created: Date; taskIds: string[] | null }[]
  >`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        ord int, "ownerId" bigint, "clientName" text, "contactPersonName" text, "contactPersonPhone" text,
        "contactPersonEmail" text, created timestamptz, critical boolean, "descriptionHtmlText" text,
        "descriptionTextForFieldEmployee" text, "serviceObjectName" text, "serviceObjectAddress" text,
        "serviceObjectLatitude" double precision, "serviceObjectLongitude" double precision,
        "serviceObjectType" text, ttf timestamptz, tto timestamptz, tasks jsonb, items jsonb)
    ), accepted AS (
      SELECT input.*, nextval(pg_get_serial_sequence('calls', 'id')) AS id,
        'CB' || lpad(nextval('call_number_seq')::text, 8, '0') AS number
      FROM input JOIN users ON users.id = input."ownerId"
    ), new_calls AS (
      INSERT INTO calls (
        id, number, "ownerId", "clientName", "contactPersonName", "contactPersonPhone", "contactPersonEmail",
        created, critical, "descriptionHtmlText", "descriptionTextForFieldEmployee", "serviceObjectName",
        "serviceObjectAddress", "serviceObjectLatitude", "serviceObjectLongitude", "serviceObjectType",
        "timeToFix", "timeToObject", "updatedAt")
      SELECT id, number, "ownerId", "clientName", "contactPersonName", "contactPersonPhone", "contactPersonEmail",
        created AT TIME ZONE 'UTC', critical, "descriptionHtmlText", "descriptionTextForFieldEmployee",
        "serviceObjectName", "serviceObjectAddress", "serviceObjectLatitude", "serviceObjectLongitude",
        "serviceObjectType", ttf AT TIME ZONE 'UTC', tto AT TIME ZONE 'UTC', now()
      FROM accepted
      RETURNING id, created
    ), new_tasks AS (
      INSERT INTO call_tasks ("callId", position, title, "updatedAt")
      SELECT accepted.id, task.ordinality - 1, task.title, now()
      FROM accepted, jsonb_array_elements_text(accepted.tasks) WITH ORDINALITY AS task(title, ordinality)
      RETURNING id, "callId", position
    ), new_items AS (
      INSERT INTO expenditure_items ("callId", name)
      SELECT accepted.id, item.name FROM accepted, jsonb_array_elements_text(accepted.items) AS item(name)
    ), notified AS (
      INSERT INTO notifications ("userId", "callId", kind, text)
      SELECT "ownerId", id, 'call.assigned', 'Call ' || number || ' was assigned to you' FROM accepted
    ), recorded AS (
      INSERT INTO outbox (topic, "callId") SELECT 'call.created', id FROM accepted ORDER BY ord
    )
    SELECT accepted.ord, accepted.id, accepted.number, new_calls.created,
      (SELECT array_agg(new_tasks.id::text ORDER BY new_tasks.position)
         FROM new_tasks WHERE new_tasks."callId" = accepted.id) AS "taskIds"
    FROM accepted JOIN new_calls ON new_calls.id = accepted.id`;
  const byOrd = new Map(created.map((row) => [row.ord, row]));
  return inputs.map((_, ord) => {
    const row = byOrd.get(ord);
    if (!row) return null;
    return {
      id: row.id,
      number: row.number,
      created: row.created,
      tasks: (row.taskIds ?? []).map((id) => ({ id: BigInt(id) })),
    };
  });
}
