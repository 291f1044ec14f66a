import { patchSystemSettings } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { SECURITY, errorResponses, noContent } from '../../schemas/common.js';

/** PatchSystemSettingsInputDTO (spec §4.31). */
const patchSettingsInput = z
  .object({ callCostDeadlineDayOfMonth: z.number().int().min(1).max(28).optional() })
  .strict()
  .meta({ id: 'PatchSystemSettingsInputDTO' });

/** E38 `PATCH /systemSettings`. */
export const systemSettingsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  app.patch(
    '/systemSettings',
    {
      onRequest: externalSystemAuth(db),
      schema: {
        tags: ['SystemSettings'],
        summary: 'Change general system settings (E38)',
        description:
          'callCostDeadlineDayOfMonth (1–28): the day of the month after a call’s completion until which its call ' +
          'cost can be edited and sent (§5.3; default 5). Answers 204 (Ambiguity 30). The documented 409 cannot arise ' +
          'here: the settings are one row that every PATCH updates.',
        security: SECURITY.external,
        body: patchSettingsInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await patchSystemSettings(db, request.body);
      return reply.status(204).send(null);
    },
  );
};
