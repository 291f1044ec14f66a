import {
  createConnection,
  deleteConnection,
  describeConnection,
  requireConnection,
  updateConnection,
} from '@callbridge/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { errorResponses } from '../../schemas/common.js';
import { connectionAdminDeps, connectionIdParams } from './admin-common.js';

const connectionFields = {
  name: z.string().trim().min(1).max(200),
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  credentials: z.record(z.string(), z.unknown()),
  settings: z.record(z.string(), z.unknown()),
  filter: z
    .object({ ownerIds: z.array(z.number().int().min(1)).max(10_000).optional() })
    .strict()
    .describe('`ownerIds`: only calls of these owners go to this connection (default: all).'),
  schedule: z.object({ pollIntervalMs: z.number().int().min(1_000).max(86_400_000) }).strict(),
  enabled: z.boolean(),
};

const createInput = z
  .object({
    adapter: z.string().min(1).max(32),
    ...connectionFields,
    settings: connectionFields.settings.default({}),
    filter: connectionFields.filter.default({}),
    schedule: connectionFields.schedule.default({ pollIntervalMs: 60_000 }),
    enabled: connectionFields.enabled.default(true),
  })
  .strict();
const patchInput = z.object(connectionFields).partial().strict();

const connectionOutput = z.object({
  id: z.string(),
  adapter: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  credentials: z.record(z.string(), z.unknown()).nullable().describe('Secret fields masked as ********.'),
  credentialsKeyId: z.string(),
  settings: z.record(z.string(), z.unknown()),
  filter: z.object({ ownerIds: z.array(z.number()).optional() }),
  schedule: z.object({ pollIntervalMs: z.number() }),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Connections CRUD (DESIGN.md "Contracts"): credentials go in, only masked ones come out. */
export const connectionRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const admin = connectionAdminDeps(deps);
  const schema = { tags: ['Admin'], security: [{ AdminKey: [] }] };

  app.post(
    '/admin/connections',
    {
      schema: {
        ...schema,
        summary: 'Add a connection',
        body: createInput,
        response: { 201: z.object({ id: z.string() }), ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { schedule, ...input } = request.body;
      const id = await createConnection(admin, { ...input, pollIntervalMs: schedule.pollIntervalMs });
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/admin/connections',
    {
      schema: {
        ...schema,
        summary: 'List connections',
        response: { 200: z.array(connectionOutput), ...errorResponses(401) },
      },
    },
    async () => {
      const rows = await deps.db.connection.findMany({ orderBy: { createdAt: 'asc' } });
      return rows.map((row) => describeConnection(row, admin));
    },
  );

  app.get(
    '/admin/connections/:id',
    {
      schema: {
        ...schema,
        summary: 'Get a connection',
        params: connectionIdParams,
        response: { 200: connectionOutput, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => describeConnection(await requireConnection(admin, request.params.id), admin),
  );

  app.patch(
    '/admin/connections/:id',
    {
      schema: {
        ...schema,
        summary: 'Change a connection',
        description: 'Absent fields stay. `credentials`, when given, replace the old ones whole.',
        params: connectionIdParams,
        body: patchInput,
        response: { 200: connectionOutput, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const { schedule, ...patch } = request.body;
      await updateConnection(admin, request.params.id, {
        ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
        ...(schedule ? { pollIntervalMs: schedule.pollIntervalMs } : {}),
      });
      return describeConnection(await requireConnection(admin, request.params.id), admin);
    },
  );

  app.delete(
    '/admin/connections/:id',
    {
      schema: {
        ...schema,
        summary: 'Delete a connection (with its cursors, links and runs)',
        params: connectionIdParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await deleteConnection(admin, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
