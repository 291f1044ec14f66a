import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { sharedCallTaskRoutes } from './call-task.js';
import { sharedCallRoutes } from './call.js';

/** Routes of the spec's `Shared` tag: no auth scheme, the temporary-link `token` query instead. */
export const sharedRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(sharedCallRoutes, deps);
  await app.register(sharedCallTaskRoutes, deps);
};
