import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { adminAuth } from '../../plugins/admin-auth.js';
import { openAdminQueues } from './admin-queues.js';
import { connectionCheckRoutes } from './connection-checks.js';
import { connectionRoutes } from './connections.js';
import { jobRoutes } from './jobs.js';
import { registerQueuesBoard } from './queues-board.js';
import { syncNowRoute } from './sync-now.js';

/** The admin API behind ADMIN_API_KEY (DESIGN.md "Contracts"). */
export const adminRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.addHook('onRequest', adminAuth(deps.config.ADMIN_API_KEY));
  await app.register(connectionRoutes, deps);
  await app.register(connectionCheckRoutes, deps);

  const queues = openAdminQueues(deps);
  app.addHook('onClose', async () => {
    await Promise.all([...queues.values()].map((queue) => queue.close()));
  });
  await app.register(jobRoutes(queues), deps);
  await app.register(syncNowRoute(queues), deps);
  await registerQueuesBoard(app, queues);
};
