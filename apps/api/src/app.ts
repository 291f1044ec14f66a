import multipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from './deps.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerJsonBodyParser } from './plugins/json-body.js';
import { registerOpenApi } from './plugins/openapi.js';
import { adminRoutes } from './routes/admin/index.js';
import { callCostRoutes } from './routes/call-cost/index.js';
import { callTaskRoutes } from './routes/call-task/index.js';
import { callRoutes } from './routes/call/index.js';
import { healthRoute } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { notificationRoutes } from './routes/notification/index.js';
import { sharedRoutes } from './routes/shared/index.js';
import { systemSettingsRoutes } from './routes/system-settings/index.js';
import { userRoutes } from './routes/user/index.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Builds the API from its dependencies; `main.ts` only listens. Tests build it with real ones. */
export async function buildServer(deps: ApiDeps): Promise<App> {
  // Typed as Fastify's base logger so the instance type does not carry pino's own generics.
  const loggerInstance: FastifyBaseLogger = deps.logger;
  const app = Fastify({
    loggerInstance,
    // The original ASP.NET routing is case-insensitive: /calltask and /callTask are one route.
    routerOptions: { caseSensitive: false },
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerJsonBodyParser(app);
  await registerOpenApi(app);
  // One file per upload (the form field `Attachment`); a bigger file is cut at the limit and the
  // route answers 422 (spec E26, E35).
  await app.register(multipart, { limits: { files: 1, fileSize: deps.config.ATTACHMENT_MAX_BYTES, fields: 10 } });

  await app.register(healthRoute, deps);
  await app.register(metricsRoute, deps);
  await app.register(callRoutes, deps);
  await app.register(callCostRoutes, deps);
  await app.register(callTaskRoutes, deps);
  await app.register(notificationRoutes, deps);
  await app.register(sharedRoutes, deps);
  await app.register(systemSettingsRoutes, deps);
  await app.register(userRoutes, deps);
  await app.register(adminRoutes, deps);
  return app;
}
