import { completeByFieldEmployee, requireCallView } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { toCallDto } from '../../mappers/call-dto.js';
import { tempLinkAuth, tempLinkOf } from '../../plugins/temp-link-auth.js';
import { postExpenseInput, postMaterialInput } from '../../schemas/call-cost.js';
import { callDto, callTaskStatusSchema } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses, int64 } from '../../schemas/common.js';
import { sharedTokenQuery } from '../../schemas/shared.js';

/** PostCallResultDTO (spec §4.36) with the element types of Ambiguity 3. */
const callResultInput = z
  .object({
    comments: z
      .string()
      .max(4000)
      .refine((value) => value.trim().length > 0, 'must not be empty'),
    callTaskResults: z
      .array(z.object({ taskId: int64, newStatus: callTaskStatusSchema }).meta({ id: 'PostCallTaskItemDTO' }))
      .max(500)
      .default([]),
    expenses: z.array(postExpenseInput).max(500).default([]),
    materials: z.array(postMaterialInput).max(500).default([]),
  })
  .meta({ id: 'PostCallResultDTO' });

/** E33–E34: a field employee reads the call and reports it done through a temporary link. */
export const sharedCallRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.get(
    '/shared/call',
    {
      onRequest: tempLinkAuth(db),
      schema: {
        tags: ['Shared'],
        summary: 'Get call data by token (E33)',
        description:
          'No auth scheme: the `token` query from E5 opens the call. A missing or malformed token is 400; an ' +
          'unknown token, or one whose link a newer link replaced, is 404 (§3.5, Ambiguity 28).',
        security: SECURITY.none,
        querystring: sharedTokenQuery,
        response: { 200: callDto, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const link = tempLinkOf(request);
      return toCallDto(await requireCallView(db, link.callId));
    },
  );

  app.post(
    '/shared/call/done',
    {
      onRequest: tempLinkAuth(db),
      schema: {
        tags: ['Shared'],
        summary: 'Completion of a call by an employee (E34)',
        description:
          'In one transaction: the task results (an unknown task or one of another call is 404; a transition §5.2 ' +
          'forbids is 409 code 3; New → New is a no-op), the expenses and materials (a Draft call cost is opened ' +
          'when there is none), `comments` (required, not empty) and Committed → Done with `finished`. The call is ' +
          'checked first: not Committed is 409 code 7, and so is a call cost that no longer takes items. Answers 200 ' +
          'with the updated CallDTO (Ambiguity 17). Token rules as in E33.',
        security: SECURITY.none,
        querystring: sharedTokenQuery,
        body: callResultInput,
        response: { 200: callDto, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const link = tempLinkOf(request);
      const body = request.body;
      await completeByFieldEmployee(db, link.callId, {
        comments: body.comments,
        callTaskResults: body.callTaskResults.map((item) => ({
          taskId: BigInt(item.taskId),
          newStatus: item.newStatus,
        })),
        expenses: body.expenses.map((e) => ({ count: e.count, expenditureItemId: BigInt(e.expenditureItemId) })),
        materials: body.materials,
      });
      return toCallDto(await requireCallView(db, link.callId));
    },
  );
};
