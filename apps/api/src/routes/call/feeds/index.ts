import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../../deps.js';

/** The modification feeds E2–E4 (spec §7). */
export const feedRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
