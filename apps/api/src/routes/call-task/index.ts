import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `CallTask` tag. */
export const callTaskRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
