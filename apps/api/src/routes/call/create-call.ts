import { createCall } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { callInputSchema, postCallOutputSchema } from '../../schemas/call-input.js';
import { errorBody } from '../../schemas/common.js';

/** E1 `POST /call`: the dispatch centre creates a call. */
export const createCallRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.post(
    '/call',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        body: callInputSchema,
        response: { 200: postCallOutputSchema, 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request) => {
      const { ownerId, ...rest } = request.body;
      const call = await createCall(db, { ...rest, ownerId: BigInt(ownerId) });
      return {
        id: Number(call.id),
        number: call.number,
        created: call.created.toISOString(),
        tasks: call.tasks.map((task) => ({ id: Number(task.id) })),
      };
    },
  );
};
