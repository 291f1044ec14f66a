import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { readTaskRoutes } from './read-tasks.js';
import { taskActionRoutes } from './task-actions.js';

/** Routes of the spec's `CallTask` tag. */
export const callTaskRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(readTaskRoutes, deps);
  await app.register(taskActionRoutes, deps);
};
