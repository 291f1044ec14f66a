import { createCallCost, decideCallCost, requireCallCostView, sendCallCost } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { approvalInput, callCostDto } from '../../schemas/call-cost.js';
import { SECURITY, callIdParams, errorResponses, noContent } from '../../schemas/common.js';

const DEADLINE =
  'The deadline is the end of day callCostDeadlineDayOfMonth (system settings) of the month after the call was ' +
  'finished, server time zone; there is none before the call is Done (§5.3, Ambiguity 23).';

/** E14 create, E15 read, E16 approval, E23 send. */
export const callCostStateRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/callCost/call/:callId',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['CallCost'],
        summary: 'Create the call cost (E14)',
        description: `An empty Draft; 409 when the call is not Committed or Done, already has one, or the deadline passed. ${DEADLINE} Answers 204.`,
        security: SECURITY.user,
        params: callIdParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await createCallCost(db, BigInt(request.params.callId), portalUserOf(request).id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/callCost/call/:callId',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['CallCost'],
        summary: "Get a call's call cost (E15)",
        description: '404 when the call does not exist or has no call cost.',
        security: SECURITY.external,
        params: callIdParams,
        response: { 200: callCostDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const cost = await requireCallCostView(db, BigInt(request.params.callId));
      return {
        status: cost.status,
        expenses: cost.expenses.map((e) => ({
          id: Number(e.id),
          count: e.count,
          expenditureItemId: Number(e.expenditureItemId),
          status: e.status,
        })),
        materials: cost.materials.map((m) => ({
          id: Number(m.id),
          count: m.count,
          name: m.name,
          ownerType: m.ownerType,
          price: m.price,
          serialNumber: m.serialNumber,
          status: m.status,
        })),
      };
    },
  );

  app.patch(
    '/callCost/call/:callId/changeApprovalStatus',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['CallCost'],
        summary: 'Change approval statuses of actual costs (E16)',
        description:
          'Maps from an expense or material id (decimal string) to its status; all or nothing. 404 code 1 call, 2 call ' +
          'cost, 3 an expense not of this call cost, 4 a material not of it; 409 unless the call cost is InProgress. ' +
          'A decision may be changed again while InProgress, New included (§5.4). When no item is New the call cost ' +
          'becomes Processed; the owner is notified. Answers 204.',
        security: SECURITY.external,
        params: callIdParams,
        body: approvalInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const toMap = (record: Record<string, 'New' | 'Approved' | 'ApprovedWithCorrection' | 'Rejected'> = {}) =>
        new Map(Object.entries(record).map(([id, status]) => [BigInt(id), status]));
      await decideCallCost(db, BigInt(request.params.callId), {
        expenses: toMap(request.body.expenses),
        materials: toMap(request.body.materials),
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/callCost/status/call/:callId',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['CallCost'],
        summary: 'Send the call cost (E23)',
        description: `Draft → InProgress ("Sent", Ambiguity 19); 409 when there is no call cost, it is not Draft, or the deadline passed. ${DEADLINE} Answers 204.`,
        security: SECURITY.user,
        params: callIdParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await sendCallCost(db, BigInt(request.params.callId), portalUserOf(request).id);
      return reply.status(204).send(null);
    },
  );
};
