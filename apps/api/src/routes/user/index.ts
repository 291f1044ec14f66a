import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { manageUserRoutes } from './manage-user.js';
import { registerRoute } from './register.js';
import { selfRoute } from './self.js';
import { signInRoutes } from './sign-in.js';

/** Routes of the spec's `User` tag. */
export const userRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(registerRoute, deps);
  await app.register(selfRoute, deps);
  await app.register(signInRoutes, deps);
  await app.register(manageUserRoutes, deps);
};
