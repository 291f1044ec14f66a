import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `User` tag. */
export const userRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
