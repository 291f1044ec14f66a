import type { Db } from '@callbridge/db';
import { DomainError, notFound } from '../errors.js';

export interface NotificationPage {
  unreadOnly: boolean;
  limit: number;
  /** Only notifications with a smaller id (the previous page's last id). */
  before?: bigint | undefined;
}

/** The caller's notifications, newest first. */
export function listNotifications(db: Db, userId: bigint, page: NotificationPage) {
  return db.notification.findMany({
    where: {
      userId,
      ...(page.unreadOnly ? { readAt: null } : {}),
      ...(page.before ? { id: { lt: page.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: page.limit,
  });
}

/** Marks one of the caller's notifications read (spec E32); reading it again keeps the first time. */
export async function markNotificationRead(db: Db, userId: bigint, id: bigint): Promise<bigint> {
  const found = await db.notification.findUnique({ where: { id }, select: { userId: true, readAt: true } });
  if (!found) throw notFound(`notification ${id} not found`);
  if (found.userId !== userId) throw new DomainError(403, `access denied: notification ${id} is another user's`);
  if (!found.readAt) await db.notification.updateMany({ where: { id, readAt: null }, data: { readAt: new Date() } });
  return id;
}

/** Marks every unread notification of the caller read (spec E31) and says how many. */
export async function markAllNotificationsRead(db: Db, userId: bigint): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
