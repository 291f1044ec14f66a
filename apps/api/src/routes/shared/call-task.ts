import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** E35–E37: a field employee's task attachments and results through a temporary link. */
export const sharedCallTaskRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
