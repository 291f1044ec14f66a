import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { callCostStateRoutes } from './call-cost.js';
import { costItemRoutes } from './cost-items.js';

/** Routes of the spec's `CallCost` tag. */
export const callCostRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(callCostStateRoutes, deps);
  await app.register(costItemRoutes, deps);
};
