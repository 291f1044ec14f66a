import { patchCall } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { patchCallInput } from '../../schemas/call-actions.js';
import { SECURITY, errorResponses, idParams } from '../../schemas/common.js';

/** E7 `PATCH /call/{id}`: the dispatch centre moves a call's deadlines. */
export const patchCallRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.patch(
    '/call/:id',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['Call'],
        summary: 'Modify a call (E7)',
        description:
          'Only `ttf` and `tto` can change; absent fields stay (a partial update); other fields are 400. ' +
          'Allowed in any status: no 409 is documented (I8). The path `id` is the call id although the source ' +
          'calls it "client identifier", and the 200 body is that call id (Ambiguity 12). The call gets a new ' +
          'timestamp and an outbox entry `call.changed`.',
        security: SECURITY.external,
        params: idParams,
        body: patchCallInput,
        response: { 200: z.number().int(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => Number(await patchCall(db, BigInt(request.params.id), request.body)),
  );
};
