export { createHttpClient, type HttpClient } from './http-client.js';
export { DEFAULT_TIMEOUTS, type AttemptReport, type HttpClientOptions, type HttpTimeouts } from './client-options.js';
export type { HttpRequest, HttpResponse, QueryParams, QueryValue, RequestBody, ResponseClassifier } from './request.js';
export type { Failure, Verdict } from './verdict.js';
export {
  HttpError,
  isFatal,
  isHttpError,
  isReauth,
  isRetryable,
  type ErrorKind,
  type SafeRequest,
  type SafeResponse,
} from './errors.js';
export { statusVerdict } from './status-verdict.js';
export { networkVerdict } from './network-verdict.js';
export { parseRetryAfter } from './retry-after.js';
export { DEFAULT_RETRY_POLICY, backoffDelay, retryDelay, type RetryPolicy } from './retry-policy.js';
export { ConnectionCookieJar, createCookieJar } from './cookie-jar.js';
export { createRedactor, MASK, type RedactionOptions, type Redactor } from './redact.js';
export type { RateLimit, RateLimiter } from './rate-limit/rate-limiter.js';
export { InProcessRateLimiter } from './rate-limit/in-process-rate-limiter.js';
export {
  RedisRateLimiter,
  createRedisRateLimiter,
  type RedisRateLimiterOptions,
} from './rate-limit/redis-rate-limiter.js';
