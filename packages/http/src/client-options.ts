import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { ConnectionCookieJar } from './cookie-jar.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import type { RedactionOptions } from './redact.js';
import type { ResponseClassifier } from './request.js';
import type { RetryPolicy } from './retry-policy.js';

export interface HttpTimeouts {
  /** TCP/TLS connect. Applies only to the Agent the client creates (not to a given dispatcher). */
  connectMs: number;
  /** From sending the request until the response headers arrive. */
  headersMs: number;
  /** Longest silence between two chunks of the response body. */
  bodyMs: number;
  /** Everything of one attempt together; a request's `timeoutMs` overrides it. */
  overallMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  overallMs: 60_000,
};

export interface HttpClientOptions {
  /** Requests with a `path` resolve under it, path prefix kept (`https://host/0/ssp/rest/`). */
  baseUrl?: string;
  /** The connection this client serves; on every log line. */
  connectionId: string;
  /** Default: a silent logger. */
  logger?: Logger;
  timeouts?: Partial<HttpTimeouts>;
  retry?: Partial<RetryPolicy>;
  /** The connection's request budget, shared by all workers (`RedisRateLimiter`). */
  rateLimiter?: RateLimiter;
  /** Session cookies (`createCookieJar(baseUrl)`), for cookie-session APIs. */
  cookieJar?: ConnectionCookieJar;
  /** Secret values, query/form parameter names and header names to mask in logs and errors. */
  redact?: RedactionOptions;
  /** Reuse connections across clients; default: an Agent owned (and closed) by this client. */
  dispatcher?: Dispatcher;
  /** Turns a response into the taxonomy before the default status rules (error envelopes). */
  classify?: ResponseClassifier;
  /** Responses larger than this fail (fatal). Default 32 MiB. */
  maxResponseBytes?: number;
  /** Told about every attempt (status or failure code, duration): request metrics hook in here. */
  onAttempt?: (attempt: AttemptReport) => void;
  /** Random source for jitter, 0 ≤ r < 1; tests pin it. */
  random?: () => number;
}

/** One attempt of a request, as `onAttempt` hears of it. */
export interface AttemptReport {
  operation: string | undefined;
  method: string;
  /** The HTTP status, when a response arrived. */
  status: number | undefined;
  /** The failure code (`TIMEOUT`, `ECONNRESET`, `HTTP_503`, …); undefined for a success. */
  code: string | undefined;
  durationMs: number;
}
