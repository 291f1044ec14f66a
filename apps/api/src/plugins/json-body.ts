import type { FastifyBodyParser, FastifyInstance } from 'fastify';

/**
 * JSON bodies under every media type the spec lists (§8: application/json with or without OData
 * parameters, text/json, application/*+json, application/json-patch+json — PATCH bodies are plain
 * partial DTOs). An empty body is "no body", so a bodiless POST that still says
 * `Content-Type: application/json` reaches its route; routes that need a body reject it there.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const parse: FastifyBodyParser<string> = (request, body, done) => {
    if (body.trim() === '') {
      done(null, undefined);
      return;
    }
    // PostgreSQL text cannot hold NUL: refuse it here as bad input rather than fail in the database.
    if (/(?<!\\)(?:\\\\)*\\u0000/i.test(body)) {
      done(Object.assign(new Error('text must not contain NUL characters (\\u0000)'), { statusCode: 400 }), undefined);
      return;
    }
    void parseJson(request, body, done);
  };
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(['application/json', 'text/json'], { parseAs: 'string' }, parse);
  app.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string' }, parse);
}
