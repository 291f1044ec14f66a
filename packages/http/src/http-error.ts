/**
 * The error taxonomy every adapter and the sync engine act on:
 * - `retryable`: try again later (network failure, timeout, 408, 425, 429, 5xx); the job's own
 *   retries take over once the client's are spent.
 * - `reauth`: the credentials or session no longer work (401, 403); log in again, then retry once.
 * - `fatal`: retrying cannot help (other 4xx, a malformed answer); the job fails with the reason.
 */
export type HttpErrorKind = 'retryable' | 'reauth' | 'fatal';

export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly kind: HttpErrorKind,
    message: string,
    readonly details: {
      /** `METHOD url` with secrets redacted: safe to log and to show a support engineer. */
      request: string;
      status?: number;
      attempts: number;
      /** How long the server asked us to wait (Retry-After), capped. */
      retryAfterMs?: number;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause });
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export const isRetryable = (error: unknown): error is HttpError =>
  error instanceof HttpError && error.kind === 'retryable';
export const needsReauth = (error: unknown): error is HttpError =>
  error instanceof HttpError && error.kind === 'reauth';
export const isFatal = (error: unknown): error is HttpError => error instanceof HttpError && error.kind === 'fatal';

/** The kind an HTTP status means, or null for a success. */
export function kindOfStatus(status: number): HttpErrorKind | null {
  if (status < 400) return null;
  if (status === 401 || status === 403) return 'reauth';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retryable';
  return 'fatal';
}
