import { listNotifications, markAllNotificationsRead, markNotificationRead } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { SECURITY, dateTimeOut, errorResponses, idParams } from '../../schemas/common.js';

const notificationDto = z
  .object({
    id: z.number().int(),
    callId: z.number().int().nullable(),
    kind: z.string(),
    text: z.string(),
    created: dateTimeOut,
    read: z.boolean(),
  })
  .meta({ id: 'NotificationDTO' });

const listQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('`true`: only unread ones.'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().min(1).optional().describe('Only notifications with a smaller id (paging).'),
});

/** Routes of the spec's `Notification` tag, plus the list the spec lacks. */
export const notificationRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  const onRequest = userAuth(db);

  app.get(
    '/notification',
    {
      onRequest,
      schema: {
        tags: ['Notification'],
        summary: "List the caller's notifications (not in the spec)",
        description:
          'The spec has acknowledgements but no list (Ambiguity 29). Newest first; `unread=true` filters; page with ' +
          '`limit` (default 50, at most 200) and `before` = the last id of the previous page. Kinds: call.assigned, ' +
          'call.dispatcher-message, call.jeopardy-answered, call.closed, cost.decision.',
        security: SECURITY.user,
        querystring: listQuery,
        response: { 200: z.array(notificationDto), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const rows = await listNotifications(db, portalUserOf(request).id, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
        before: request.query.before === undefined ? undefined : BigInt(request.query.before),
      });
      return rows.map((row) => ({
        id: Number(row.id),
        callId: row.callId === null ? null : Number(row.callId),
        kind: row.kind,
        text: row.text,
        created: row.createdAt.toISOString(),
        read: row.readAt !== null,
      }));
    },
  );

  app.post(
    '/notification/readAll',
    {
      onRequest,
      schema: {
        tags: ['Notification'],
        summary: 'Acknowledge all notifications (E31)',
        description: 'Marks every unread notification of the caller read and answers how many; 0 when none (not 404).',
        security: SECURITY.user,
        response: { 200: z.number().int(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => markAllNotificationsRead(db, portalUserOf(request).id),
  );

  app.post(
    '/notification/:id/read',
    {
      onRequest,
      schema: {
        tags: ['Notification'],
        summary: 'Acknowledge one notification (E32)',
        description:
          'Answers the notification id. 404 unknown, 403 another user’s. Reading twice is fine and keeps the first time.',
        security: SECURITY.user,
        params: idParams,
        response: { 200: z.number().int(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => Number(await markNotificationRead(db, portalUserOf(request).id, BigInt(request.params.id))),
  );
};
