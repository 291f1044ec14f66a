import { addExpense, addMaterial, changeExpense, changeMaterial } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import {
  patchExpenseInput,
  patchMaterialInput,
  postExpenseInput,
  postMaterialInput,
  postMaterialOutput,
} from '../../schemas/call-cost.js';
import { SECURITY, errorResponses, noContent, pathId } from '../../schemas/common.js';

const EDITABLE =
  '409 unless the call cost is Draft, the call is not Closed and the deadline has not passed (the source text "call cost cannot be created" ' +
  'means "cannot be modified", Ambiguity 16).';
const expenseParams = z.object({ callId: pathId, expenseId: pathId });
const materialParams = z.object({ callId: pathId, materialId: pathId });
const callParams = z.object({ callId: pathId });
const optional = <T extends object>(patch: T) =>
  Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

/** E17–E22: the contractor's expenses and materials on a Draft call cost. */
export const costItemRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  const onRequest = userAuth(db);
  const common = { tags: ['CallCost'], security: SECURITY.user };

  app.post(
    '/callCost/call/:callId/expense',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Add an additional expense (E17)',
        description: `A New expense. 404 code 1 call, 2 call cost, 3 expenditureItemId not among the call's availableExpenditureItems (Ambiguity 15). Answers PostMaterialOutputDTO as the spec says, its id being the expense's (Ambiguity 14). ${EDITABLE}`,
        params: callParams,
        body: postExpenseInput,
        response: { 200: postMaterialOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { count, expenditureItemId } = request.body;
      const id = await addExpense(db, BigInt(request.params.callId), portalUserOf(request).id, {
        count,
        expenditureItemId: BigInt(expenditureItemId),
      });
      return { id: Number(id) };
    },
  );

  app.patch(
    '/callCost/call/:callId/expense/:expenseId',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Modify an additional expense (E19)',
        description: `A partial update (absent fields stay). 404 code 1 call, 2 call cost, 3 expense (or a new expenditureItemId not of the call). ${EDITABLE} Answers 204.`,
        params: expenseParams,
        body: patchExpenseInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { count, expenditureItemId } = request.body;
      await changeExpense(
        db,
        BigInt(request.params.callId),
        portalUserOf(request).id,
        BigInt(request.params.expenseId),
        optional({ count, expenditureItemId: expenditureItemId === undefined ? undefined : BigInt(expenditureItemId) }),
      );
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/callCost/call/:callId/expense/:expenseId',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Remove an additional expense (E18)',
        description: `404 code 1 call, 2 call cost, 3 expense. ${EDITABLE} Answers 204.`,
        params: expenseParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { callId, expenseId } = request.params;
      await changeExpense(db, BigInt(callId), portalUserOf(request).id, BigInt(expenseId), null);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/callCost/call/:callId/material',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Add a spare part (E20)',
        description: `A New material; every field is required. 404 code 1 call, 2 call cost. ${EDITABLE}`,
        params: callParams,
        body: postMaterialInput,
        response: { 200: postMaterialOutput, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const id = await addMaterial(db, BigInt(request.params.callId), portalUserOf(request).id, request.body);
      return { id: Number(id) };
    },
  );

  app.patch(
    '/callCost/call/:callId/material/:materialId',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Modify a spare part (E22)',
        description: `A partial update. 404 code 1 call, 2 call cost, 4 material. ${EDITABLE} Answers 204.`,
        params: materialParams,
        body: patchMaterialInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { callId, materialId } = request.params;
      await changeMaterial(db, BigInt(callId), portalUserOf(request).id, BigInt(materialId), optional(request.body));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/callCost/call/:callId/material/:materialId',
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Remove a spare part (E21)',
        description: `404 code 1 call, 2 call cost, 4 material. ${EDITABLE} Answers 204.`,
        params: materialParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { callId, materialId } = request.params;
      await changeMaterial(db, BigInt(callId), portalUserOf(request).id, BigInt(materialId), null);
      return reply.status(204).send(null);
    },
  );
};
