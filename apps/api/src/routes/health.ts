import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps.js';

const CHECK_TIMEOUT_MS = 2_000;
const state = z.enum(['up', 'down']);

/** `GET /health`: 200 when the database and the queue's Redis both answer, 503 otherwise. */
export const healthRoute: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, redis }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['Health'],
        response: {
          200: z.object({ status: z.literal('ok'), database: state, queue: state }),
          503: z.object({ status: z.literal('degraded'), database: state, queue: state }),
        },
      },
    },
    async (_request, reply) => {
      const [database, queue] = await Promise.all([probe(() => db.$queryRaw`SELECT 1`), probe(() => redis.ping())]);
      if (database === 'up' && queue === 'up') return { status: 'ok' as const, database, queue };
      return reply.status(503).send({ status: 'degraded' as const, database, queue });
    },
  );
};

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
