import type { ErrorKind } from './errors.js';

/** A failed attempt, as the default rules or an adapter's `classify` hook see it. */
export interface Failure {
  kind: ErrorKind;
  /** Short machine-readable reason (`HTTP_503`, `ECONNREFUSED`, `RATE_LIMITED`, …). */
  code: string;
  /** Human text for the error message (e.g. the envelope's error text). Must hold no secrets. */
  message?: string;
  /** How long the server asked us to wait, if it said so. */
  retryAfterMs?: number;
  /**
   * `false` when the server surely did NOT act on the request (connection refused, 429, a
   * rate-limit envelope): then even a non-idempotent request may be sent again. Left out means
   * "unknown" — the request may have been processed, so only idempotent requests are retried.
   */
  processed?: boolean;
}

/** What one attempt came to: `'ok'` hands the response to the caller, a `Failure` raises or retries. */
export type Verdict = 'ok' | Failure;
