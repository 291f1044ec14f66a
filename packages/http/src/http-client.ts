import { performance } from 'node:perf_hooks';
import { pino, type Logger } from 'pino';
import { Agent, type Dispatcher } from 'undici';
import { DEFAULT_TIMEOUTS, type HttpClientOptions, type HttpTimeouts } from './client-options.js';
import type { ConnectionCookieJar } from './cookie-jar.js';
import type { SafeRequest } from './errors.js';
import { httpErrorFrom } from './http-error-from.js';
import { networkVerdict } from './network-verdict.js';
import { createRedactor } from './redact.js';
import { isIdempotent, type HttpRequest, type HttpResponse } from './request.js';
import { requestUrl } from './request-url.js';
import { parseRetryAfter } from './retry-after.js';
import { DEFAULT_RETRY_POLICY, retryDelay, type RetryPolicy } from './retry-policy.js';
import { sendAttempt, type RawResponse } from './send-attempt.js';
import { sleep } from './sleep.js';
import { statusVerdict } from './status-verdict.js';
import type { Failure, Verdict } from './verdict.js';

export interface HttpClient {
  /**
   * Sends the request, retrying per the policy, and resolves with the first response judged `ok`
   * (by the `classify` hook, else 2xx). Otherwise rejects with an `HttpError` (kind retryable /
   * reauth / fatal, attempt count, redacted request), or with the signal's reason when aborted.
   */
  request(request: HttpRequest): Promise<HttpResponse>;
  /** The connection's session cookies, when the client was given a jar. */
  readonly cookies: ConnectionCookieJar | undefined;
  /** Closes the Agent the client created (a dispatcher passed in is left to its owner). */
  close(): Promise<void>;
}

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

type AttemptOutcome = { response: HttpResponse } | { failure: Failure; raw: RawResponse | undefined; cause: unknown };

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const timeouts: HttpTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const random = options.random ?? Math.random;
  const redactor = createRedactor(options.redact);
  const logger: Logger = (options.logger ?? pino({ level: 'silent' })).child({ connectionId: options.connectionId });
  const ownAgent = options.dispatcher ? undefined : new Agent({ connect: { timeout: timeouts.connectMs } });
  const dispatcher: Dispatcher = options.dispatcher ?? ownAgent!;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  /** The redactor plus the session cookies' values, which a response body might echo. */
  async function withSessionSecrets() {
    const cookieValues = (await options.cookieJar?.values()) ?? [];
    if (cookieValues.length === 0) return redactor;
    const secretValues = [...(options.redact?.secretValues ?? []), ...cookieValues];
    return createRedactor({ ...options.redact, secretValues });
  }

  async function attempt(request: HttpRequest, method: string, url: URL, n: number): Promise<AttemptOutcome> {
    const timeout = AbortSignal.timeout(request.timeoutMs ?? timeouts.overallMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    let raw: RawResponse;
    try {
      raw = await sendAttempt({
        dispatcher,
        method,
        url,
        request,
        cookies: options.cookieJar,
        timeouts,
        signal,
        maxResponseBytes,
      });
    } catch (error) {
      if (request.signal?.aborted) throw request.signal.reason;
      const failure: Failure = timeout.aborted ? { kind: 'retryable', code: 'TIMEOUT' } : networkVerdict(error);
      return { failure, raw: undefined, cause: error };
    }
    const response = toResponse(raw, n);
    const classify = request.classify ?? options.classify;
    let verdict: Verdict;
    try {
      verdict = classify?.(response, request) ?? statusVerdict(raw.status);
    } catch (error) {
      // A hook that cannot read the response (HTML where JSON was expected) must not escape the taxonomy.
      return { failure: { kind: 'fatal', code: 'UNREADABLE_RESPONSE' }, raw, cause: error };
    }
    if (verdict === 'ok') return { response };
    return { failure: withRetryAfter(verdict, raw), raw, cause: undefined };
  }

  async function request(request: HttpRequest): Promise<HttpResponse> {
    const method = (request.method ?? 'GET').toUpperCase();
    const url = requestUrl(options.baseUrl, request);
    const safe: SafeRequest = { method, url: redactor.url(url) };
    const idempotent = isIdempotent(request, method);
    const logFields = { method, url: safe.url, operation: request.operation };

    for (let n = 1; ; n++) {
      await options.rateLimiter?.acquire(request.signal);
      const started = performance.now();
      const outcome = await attempt(request, method, url, n);
      const durationMs = Math.round(performance.now() - started);
      options.onAttempt?.({
        operation: request.operation,
        method,
        status: 'response' in outcome ? outcome.response.status : outcome.raw?.status,
        code: 'response' in outcome ? undefined : outcome.failure.code,
        durationMs,
      });

      if ('response' in outcome) {
        logger.debug({ ...logFields, status: outcome.response.status, durationMs, attempt: n }, 'http request');
        return outcome.response;
      }

      const { failure, raw, cause } = outcome;
      const retry = failure.kind === 'retryable' && n < policy.attempts && (idempotent || failure.processed === false);
      const delayMs = retry ? retryDelay(policy, n, failure.retryAfterMs, random) : undefined;
      logger.info(
        {
          ...logFields,
          status: raw?.status,
          durationMs,
          attempt: n,
          kind: failure.kind,
          code: failure.code,
          ...(failure.message ? { reason: redactor.text(failure.message) } : {}),
          ...(retry ? { retryInMs: delayMs } : {}),
        },
        retry ? 'http request failed, retrying' : 'http request failed',
      );
      if (!retry) {
        const errorRedactor = await withSessionSecrets();
        throw httpErrorFrom({ failure, request: safe, attempts: n, response: raw, cause, redactor: errorRedactor });
      }

      if (failure.retryAfterMs !== undefined) {
        // The server told this connection to back off: hold the other workers too.
        await options.rateLimiter?.pause(Math.min(failure.retryAfterMs, policy.retryAfterCapMs));
      }
      await sleep(delayMs!, request.signal);
    }
  }

  return {
    request,
    cookies: options.cookieJar,
    close: async () => {
      await ownAgent?.close();
    },
  };
}

/** A retryable failure picks up the response's `Retry-After` unless the classifier set a delay. */
function withRetryAfter(failure: Failure, raw: RawResponse): Failure {
  if (failure.kind !== 'retryable' || failure.retryAfterMs !== undefined) return failure;
  const retryAfterMs = parseRetryAfter(raw.headers['retry-after']);
  return retryAfterMs === undefined ? failure : { ...failure, retryAfterMs };
}

function toResponse(raw: RawResponse, attempt: number): HttpResponse {
  return {
    ...raw,
    attempt,
    text: () => raw.body.toString('utf8'),
    json: <T>() => JSON.parse(raw.body.toString('utf8')) as T,
  };
}
