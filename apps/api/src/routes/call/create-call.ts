import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { callInputSchema, postCallOutputSchema } from '../../schemas/call-input.js';
import { SECURITY, errorResponses } from '../../schemas/common.js';
import { CallCreationBatcher } from '../../services/call-creation-batcher.js';

/** E1 `POST /call`: the dispatch centre creates a call. */
export const createCallRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  const batcher = new CallCreationBatcher(db);
  app.post(
    '/call',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Create a call (E1)',
        description:
          'The new call is New, its tasks New in the given order; the server assigns `number` (CB + 8 digits). ' +
          'The owner is notified and an outbox entry `call.created` is written in the same transaction. ' +
          'Errors: 404 code 3 when `ownerId` is no user. Codes 1 (client) and 2 (service object) are reserved: the ' +
          'input carries names, not ids (Ambiguity 11).',
        security: SECURITY.external,
        body: callInputSchema,
        response: { 200: postCallOutputSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { ownerId, ...rest } = request.body;
      const call = await batcher.create({ ...rest, ownerId: BigInt(ownerId) });
      return {
        id: Number(call.id),
        number: call.number,
        created: call.created.toISOString(),
        tasks: call.tasks.map((task) => ({ id: Number(task.id) })),
      };
    },
  );
};
