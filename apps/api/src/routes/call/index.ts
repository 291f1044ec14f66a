import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ApiDeps } from '../../deps.js';
import { changeStatusRoute } from './change-status.js';
import { closeCallRoute } from './close-call.js';
import { createCallRoute } from './create-call.js';
import { dispatcherMessageRoute } from './dispatcher-message.js';
import { feedRoutes } from './feeds/index.js';
import { getCallRoute } from './get-call.js';
import { jeopardyRoutes } from './jeopardy.js';
import { patchCallRoute } from './patch-call.js';
import { tempLinkRoute } from './temp-link.js';
import { userMessageRoute } from './user-message.js';

/** Routes of the spec's `Call` tag. */
export const callRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  await app.register(createCallRoute, deps);
  await app.register(feedRoutes, deps);
  await app.register(tempLinkRoute, deps);
  await app.register(getCallRoute, deps);
  await app.register(patchCallRoute, deps);
  await app.register(closeCallRoute, deps);
  await app.register(dispatcherMessageRoute, deps);
  await app.register(jeopardyRoutes, deps);
  await app.register(userMessageRoute, deps);
  await app.register(changeStatusRoute, deps);
};
