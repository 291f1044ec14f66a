import { DomainError } from '@callbridge/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** ErrorDTO (spec §4.20) plus a human message. `errorCode` 0: the spec documents no code here. */
export interface ErrorBody {
  errorCode: number;
  message: string;
}

/**
 * One place maps every failure to an ErrorDTO: domain errors keep their status and code,
 * validation errors name the field, malformed JSON is 400, oversize bodies 413, and a 5xx never
 * shows its details to the caller (they go to the log).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      return reply.status(error.status).send(body(error.errorCode ?? 0, error.message));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const details = error.validation.map((issue) => {
        const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || where;
        return `${field}: ${issue.message}`;
      });
      return reply.status(400).send(body(0, `invalid ${where}: ${details.join('; ')}`));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(0, clientMessage(error)));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body(0, 'internal error'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body(0, `route ${request.method} ${request.url.split('?')[0]} not found`));
  });
}

function clientMessage(error: FastifyError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'malformed JSON body';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body is too large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported content type';
    default:
      return error.message;
  }
}

function body(errorCode: number, message: string): ErrorBody {
  return { errorCode, message };
}
