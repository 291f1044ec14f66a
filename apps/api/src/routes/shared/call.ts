import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** E33–E34: a field employee reads the call and reports it done through a temporary link. */
export const sharedCallRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
