import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `CallCost` tag. */
export const callCostRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
