import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { createCallRoute } from './create-call.js';
import { feedRoutes } from './feeds/index.js';

/** Routes of the spec's `Call` tag. */
export const callRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(createCallRoute, deps);
  await app.register(feedRoutes, deps);
};
