import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `Shared` tag. */
export const sharedRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
