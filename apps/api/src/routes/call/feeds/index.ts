import { readCallFeed, readJeopardyFeed, readMessageFeed } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../../deps.js';
import { toCallDto, toJeopardyDto } from '../../../mappers/call-dto.js';
import { toCallMessageDto } from '../../../mappers/call-message-dto.js';
import { externalSystemAuth } from '../../../plugins/external-system-auth.js';
import { callDto, callJeopardyDto } from '../../../schemas/call-dto.js';
import { callMessageDto } from '../../../schemas/call-message-dto.js';
import { SECURITY, errorResponses } from '../../../schemas/common.js';
import { FEED_SEMANTICS, feedParams, feedQuery } from './feed-params.js';

const schema = (summary: string, item: z.ZodType) => ({
  tags: ['Call'],
  summary,
  description: FEED_SEMANTICS,
  security: SECURITY.external,
  params: feedParams,
  querystring: feedQuery,
  response: { 200: z.array(item), ...errorResponses(400, 401, 403) },
});

/** The modification feeds E2–E4 (spec §7) that sync and the dispatch centre read by cursor. */
export const feedRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db }) => {
  const onRequest = externalSystemAuth(db);
  const page = (request: { params: { timestamp: number }; query: { limit: number } }) => ({
    after: BigInt(request.params.timestamp),
    limit: request.query.limit,
  });

  app.get(
    '/call/modifications/:timestamp',
    { onRequest, schema: schema('List all call modifications (E4)', callDto) },
    async (request) => (await readCallFeed(db, page(request))).map(toCallDto),
  );
  app.get(
    '/call/messages/modifications/:timestamp',
    { onRequest, schema: schema('List all call-message modifications (E3)', callMessageDto) },
    async (request) => (await readMessageFeed(db, page(request))).map(toCallMessageDto),
  );
  app.get(
    '/call/jeopardies/modifications/:timestamp',
    { onRequest, schema: schema('List all jeopardy modifications (E2)', callJeopardyDto) },
    async (request) => (await readJeopardyFeed(db, page(request))).map(toJeopardyDto),
  );
};
