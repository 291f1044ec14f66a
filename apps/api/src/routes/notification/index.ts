import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `Notification` tag. */
export const notificationRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
