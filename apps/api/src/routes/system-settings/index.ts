import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';

/** Routes of the spec's `SystemSettings` tag. */
export const systemSettingsRoutes: FastifyPluginAsyncZod<ApiDeps> = async (_app, _deps) => {};
