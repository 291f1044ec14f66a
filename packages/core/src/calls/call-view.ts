import type { Db, Prisma } from '@callbridge/db';
import { notFound } from '../errors.js';

/** What a CallDTO shows of a call (spec §4.5): tasks with results and attachments, jeopardies, items. */
export const callViewInclude = {
  tasks: {
    orderBy: { position: 'asc' },
    include: { result: { include: { attachments: { orderBy: { id: 'asc' } } } } },
  },
  jeopardies: { orderBy: { id: 'asc' } },
  availableExpenditureItems: { orderBy: { id: 'asc' } },
} as const satisfies Prisma.CallInclude;

export type CallView = Prisma.CallGetPayload<{ include: typeof callViewInclude }>;
export type TaskView = CallView['tasks'][number];
export type AttachmentView = NonNullable<TaskView['result']>['attachments'][number];

/** The call with everything its CallDTO shows, or null. */
export function loadCallView(db: Db, callId: bigint): Promise<CallView | null> {
  return db.call.findUnique({ where: { id: callId }, include: callViewInclude });
}

/** The call view, or 404 (spec E6, E33). */
export async function requireCallView(db: Db, callId: bigint): Promise<CallView> {
  const call = await loadCallView(db, callId);
  if (!call) throw notFound(`call ${callId} not found`);
  return call;
}
