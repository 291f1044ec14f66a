export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequest,
  type HttpResponse,
} from './http-client.js';
export { HttpError, isRetryable, needsReauth, isFatal, kindOfStatus, type HttpErrorKind } from './http-error.js';
export { RedisRateLimiter, LocalRateLimiter, type RateLimiter, type RateLimit } from './rate-limiter.js';
export { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './retry-policy.js';
export { redactUrl, DEFAULT_SECRET_NAMES } from './redact.js';
export { CookieJar } from 'tough-cookie';
