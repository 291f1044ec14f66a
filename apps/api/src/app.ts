import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiDeps } from './deps.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { createCallRoute } from './routes/call/create-call.js';
import { healthRoute } from './routes/health.js';

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

  await app.register(healthRoute, deps);
  await app.register(createCallRoute, deps);
  return app;
}
