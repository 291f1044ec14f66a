import { answerJeopardy, raiseJeopardy } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import {
  jeopardyAnswerInput,
  jeopardyAnswerOutput,
  jeopardyInput,
  jeopardyOutput,
} from '../../schemas/call-actions.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

/** E10 `POST /call/{id}/jeopardy` (contractor) and E13 `POST /call/{id}/unjeopardy` (dispatch centre). */
export const jeopardyRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call/:id/jeopardy',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Set the Jeopardy flag (E10)',
        description:
          'Creates a jeopardy with `comment` (at most 2000 characters) and `date` = now; the call shows ' +
          '`isJeopardy` and gets a new timestamp. 409 while a jeopardy is still open or when the call is Done or ' +
          'Closed (I9). 403 for another user’s call.',
        security: SECURITY.user,
        params: idParams,
        body: jeopardyInput,
        response: { 200: jeopardyOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = portalUserOf(request);
      const saved = await raiseJeopardy(db, BigInt(request.params.id), user.id, request.body.comment);
      return { id: Number(saved.id), date: saved.date.toISOString() };
    },
  );

  app.post(
    '/call/:id/unjeopardy',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Remove the Jeopardy flag (E13)',
        description:
          'Answers the open jeopardy (`answerComment`, at most 2000 characters; `answerDate` = now) and clears the ' +
          'flag. 409 when no jeopardy is open. The owner is notified.',
        security: SECURITY.external,
        params: idParams,
        body: jeopardyAnswerInput,
        response: { 200: jeopardyAnswerOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const saved = await answerJeopardy(db, BigInt(request.params.id), request.body.answerComment);
      return { answerDate: saved.answerDate.toISOString() };
    },
  );
};
