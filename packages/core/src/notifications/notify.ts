import type { Db } from '@callbridge/db';

export type NotificationKind =
  | 'call.assigned'
  | 'call.dispatcher-message'
  | 'call.jeopardy-answered'
  | 'call.closed'
  | 'cost.decision'
  | 'call.attention';

export interface NewNotification {
  userId: bigint;
  callId?: bigint | null;
  kind: NotificationKind;
  text: string;
}

/** Tells a user that something concerns them; written in the transaction of the change. */
export async function notify(db: Db, notification: NewNotification): Promise<void> {
  await db.notification.create({
    data: {
      userId: notification.userId,
      callId: notification.callId ?? null,
      kind: notification.kind,
      text: notification.text,
    },
  });
}
