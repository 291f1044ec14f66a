/**
 * The error taxonomy every adapter reasons in:
 * - `retryable` — the same request may succeed later (network errors, timeouts, 408/425/429/5xx,
 *   a rate-limit envelope). The job layer may schedule it again; `retryAfterMs` says when, if known.
 * - `reauth` — the credentials or the session are no longer accepted (401/403): log in again or
 *   mark the connection as needing new credentials. Never retried blindly.
 * - `fatal` — the request itself is wrong (other 4xx, an error envelope the adapter calls fatal):
 *   retrying it unchanged cannot help.
 */
export type ErrorKind = 'retryable' | 'reauth' | 'fatal';

/** What can safely be said about a request in logs and error messages (secrets already masked). */
export interface SafeRequest {
  method: string;
  url: string;
}

/** A trimmed, redacted view of the response that caused the error, when there was one. */
export interface SafeResponse {
  status: number;
  headers: Record<string, string>;
  /** The first few hundred characters of the body, secret values masked. */
  bodySnippet: string;
}

export interface HttpErrorInit {
  kind: ErrorKind;
  /** Short machine-readable reason: an undici/Node code (`ECONNREFUSED`, `UND_ERR_HEADERS_TIMEOUT`),
   * `HTTP_<status>`, `TIMEOUT`, or an adapter's own code from its `classify` hook. */
  code: string;
  message: string;
  request: SafeRequest;
  attempts: number;
  status?: number;
  retryAfterMs?: number;
  response?: SafeResponse;
  cause?: unknown;
}

export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly kind: ErrorKind;
  readonly code: string;
  readonly request: SafeRequest;
  /** How many attempts were made before giving up (1 = no retry). */
  readonly attempts: number;
  readonly status: number | undefined;
  /** The delay the server asked for (Retry-After or the adapter's reading of the body), uncapped. */
  readonly retryAfterMs: number | undefined;
  readonly response: SafeResponse | undefined;

  constructor(init: HttpErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.code = init.code;
    this.request = init.request;
    this.attempts = init.attempts;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.response = init.response;
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}

export function isRetryable(error: unknown): error is HttpError {
  return isHttpError(error) && error.kind === 'retryable';
}

export function isReauth(error: unknown): error is HttpError {
  return isHttpError(error) && error.kind === 'reauth';
}

export function isFatal(error: unknown): error is HttpError {
  return isHttpError(error) && error.kind === 'fatal';
}
