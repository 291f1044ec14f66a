import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { CookieJar } from 'tough-cookie';
import { Agent, errors as undiciErrors, request as undiciRequest, type Dispatcher } from 'undici';
import { HttpError, kindOfStatus, type HttpErrorKind } from './http-error.js';
import type { RateLimiter } from './rate-limiter.js';
import { DEFAULT_SECRET_NAMES, redactUrl } from './redact.js';
import { DEFAULT_RETRY_POLICY, backoffDelayMs, parseRetryAfterMs, type RetryPolicy } from './retry-policy.js';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the client's base URL, or absolute. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string | number | boolean | undefined>;
  /**
   * Safe to send twice. GET, PUT and DELETE are by default; a POST only when the caller says so
   * (an adapter that looks up before it creates can). A request that is not idempotent is retried
   * here only when it surely never reached the server (connection refused, 429).
   */
  idempotent?: boolean;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body parsed as JSON (throws a fatal HttpError when it is not JSON). */
  json<T = unknown>(): T;
}

export interface HttpClientOptions {
  baseUrl: string;
  /** The connection this client speaks for: in every log line. */
  connectionId?: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  rateLimiter?: RateLimiter;
  cookieJar?: CookieJar;
  /** Query and form names whose values are secrets (besides the defaults such as `token`). */
  secretNames?: string[];
  /**
   * Turns a 2xx whose body says "error" into the taxonomy (e.g. an envelope with success=false, or a
   * rate-limit message in a 200). Return null when the response is fine.
   */
  classify?: (response: HttpResponse) => { kind: HttpErrorKind; message: string; retryAfterMs?: number } | null;
  dispatcher?: Dispatcher;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE']);
/** Network failures that happen before a request is sent: retrying them can never repeat a write. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/** The outbound HTTP client of one connection (see README.md). */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const ownsDispatcher = !options.dispatcher;
  const dispatcher = options.dispatcher ?? new Agent({ connections: 16, keepAliveTimeout: 10_000 });
  const secretNames = [...DEFAULT_SECRET_NAMES, ...(options.secretNames ?? [])];
  const log = options.logger.child({ connectionId: options.connectionId });

  async function attempt(request: HttpRequest, url: URL, attemptNo: number): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.form) {
      body = new URLSearchParams(definedEntries(request.form)).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    if (options.cookieJar) {
      const cookie = await options.cookieJar.getCookieString(url.toString());
      if (cookie) headers.cookie = cookie;
    }
    await options.rateLimiter?.acquire();
    const started = performance.now();
    const response = await undiciRequest(url, {
      method: request.method,
      headers,
      body,
      dispatcher,
      signal: AbortSignal.timeout(request.timeoutMs ?? options.timeoutMs ?? 15_000),
    });
    const text = await response.body.text();
    if (options.cookieJar) {
      const setCookie = response.headers['set-cookie'];
      for (const value of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
        await options.cookieJar.setCookie(value, url.toString(), { ignoreError: true });
      }
    }
    log.debug(
      {
        method: request.method,
        url: redactUrl(url, secretNames),
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
        attempt: attemptNo,
      },
      'http request',
    );
    return {
      status: response.statusCode,
      headers: response.headers,
      body: text,
      json<T>() {
        try {
          return JSON.parse(text) as T;
        } catch (cause) {
          throw new HttpError('fatal', 'the response body is not JSON', {
            request: `${request.method} ${redactUrl(url, secretNames)}`,
            status: response.statusCode,
            attempts: attemptNo,
            cause,
          });
        }
      },
    };
  }

  return {
    async request(request) {
      const url = new URL(request.path, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
      for (const [name, value] of definedEntries(request.query ?? {})) url.searchParams.set(name, value);
      const described = `${request.method} ${redactUrl(url, secretNames)}`;
      const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);

      for (let attemptNo = 1; ; attemptNo++) {
        let failure: HttpError;
        try {
          const response = await attempt(request, url, attemptNo);
          const kind = kindOfStatus(response.status);
          const classified = kind ? null : options.classify?.(response);
          if (!kind && !classified) return response;
          const retryAfterMs = classified?.retryAfterMs ?? retryAfter(response, policy);
          failure = new HttpError(
            kind ?? classified!.kind,
            classified?.message ?? `${described} answered ${response.status}`,
            { request: described, status: response.status, attempts: attemptNo, retryAfterMs },
          );
          // A 429 (or an envelope saying "rate limited") means the server did not act on the request.
          const wasRefused = response.status === 429 || (classified !== null && classified !== undefined);
          if (failure.kind !== 'retryable' || (!idempotent && !wasRefused) || attemptNo >= policy.attempts) {
            throw failure;
          }
        } catch (error) {
          if (error instanceof HttpError) throw error;
          const code = networkCode(error);
          failure = new HttpError('retryable', `${described} failed: ${code}`, {
            request: described,
            attempts: attemptNo,
            cause: error,
          });
          if ((!idempotent && !NOT_SENT_CODES.has(code)) || attemptNo >= policy.attempts) throw failure;
        }
        const delay = failure.details.retryAfterMs ?? backoffDelayMs(attemptNo, policy);
        log.info({ request: described, attempt: attemptNo, delayMs: delay, reason: failure.message }, 'http retry');
        await sleep(delay);
      }
    },
    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

function retryAfter(response: HttpResponse, policy: RetryPolicy): number | undefined {
  const header = response.headers['retry-after'];
  return parseRetryAfterMs(Array.isArray(header) ? header[0] : header, policy.retryAfterCapMs);
}

function networkCode(error: unknown): string {
  if (error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
    return 'timeout';
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  return code ?? (error instanceof Error ? error.message : 'network error');
}

function definedEntries(record: Record<string, string | number | boolean | undefined>): [string, string][] {
  return Object.entries(record).flatMap(([name, value]) => (value === undefined ? [] : [[name, String(value)]]));
}
