import { HttpError, type SafeRequest, type SafeResponse } from './errors.js';
import type { Redactor } from './redact.js';
import type { RawResponse } from './send-attempt.js';
import type { Failure } from './verdict.js';

const SNIPPET_CHARS = 500;

/** The error a request ends with: everything in it redacted, the attempt count included. */
export function httpErrorFrom(args: {
  failure: Failure;
  request: SafeRequest;
  attempts: number;
  response: RawResponse | undefined;
  cause: unknown;
  redactor: Redactor;
}): HttpError {
  const { failure, request, attempts, response, redactor } = args;
  const what = failure.message ? `${failure.code}: ${failure.message}` : failure.code;
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  return new HttpError({
    kind: failure.kind,
    code: failure.code,
    message: redactor.text(`${request.method} ${request.url} failed (${failure.kind}, ${what}) after ${tries}`),
    request,
    attempts,
    status: response?.status,
    retryAfterMs: failure.retryAfterMs,
    response: response === undefined ? undefined : safeResponse(response, redactor),
    cause: safeCause(args.cause, redactor),
  });
}

function safeResponse(response: RawResponse, redactor: Redactor): SafeResponse {
  return {
    status: response.status,
    headers: redactor.headers(response.headers),
    bodySnippet: redactor.text(
      response.body
        .subarray(0, SNIPPET_CHARS * 4)
        .toString('utf8')
        .slice(0, SNIPPET_CHARS),
    ),
  };
}

/** The original error, unless its message holds a secret: then a copy with the secret masked. */
function safeCause(cause: unknown, redactor: Redactor): unknown {
  if (!(cause instanceof Error)) return cause;
  const message = redactor.text(cause.message);
  if (message === cause.message) return cause;
  const code = (cause as { code?: unknown }).code;
  return Object.assign(new Error(message), { name: cause.name, code });
}
