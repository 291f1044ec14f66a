import type { FormData } from 'undici';
import type { Verdict } from './verdict.js';

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | null | undefined | readonly QueryScalar[];
export type QueryParams = Record<string, QueryValue>;

/** One of: a JSON document, an urlencoded form, raw bytes/text, or multipart form data. */
export type RequestBody =
  | { json: unknown }
  | { form: QueryParams }
  | { raw: string | Uint8Array; contentType?: string }
  | { multipart: FormData };

export interface HttpRequest {
  /** Default `GET`. */
  method?: string;
  /** Relative to the client's `baseUrl` (its path prefix kept). Give `path` or `url`. */
  path?: string;
  /** An absolute URL, for links the remote system hands out (downloads). */
  url?: string;
  /** Added to the URL's query; `null`/`undefined` values are left out, arrays repeat the name. */
  query?: QueryParams;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Overall limit for one attempt (connect + send + response), overriding the client's. */
  timeoutMs?: number;
  /**
   * Whether sending this request twice is harmless. Default: true for GET, HEAD, OPTIONS, PUT,
   * DELETE; false for POST and PATCH. A non-idempotent request is retried only when the failure
   * proves the server did not act on it (connection refused, 429, …). Set it for reads sent as
   * POST, and for creates the adapter has made safe (lookup-before-create, natural keys).
   */
  idempotent?: boolean;
  /** Aborts the request and any wait between attempts; the signal's reason is rethrown. */
  signal?: AbortSignal;
  /** Overrides the client's `classify` hook for this request (e.g. a login call). */
  classify?: ResponseClassifier;
  /** A label for the logs, e.g. `task24.tickets.add`. */
  operation?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** Which attempt produced this response (1 = the first). */
  attempt: number;
  /** The body decoded as UTF-8. */
  text(): string;
  /** The body parsed as JSON; throws a SyntaxError when it is not JSON. */
  json<T = unknown>(): T;
}

/**
 * An adapter's reading of a response, run before the default status rules: return `'ok'`, a
 * `Failure` (e.g. an HTTP 200 whose envelope says "rate limited" → retryable with `retryAfterMs`
 * and `processed: false`), or undefined to fall back to the default rules.
 */
export type ResponseClassifier = (response: HttpResponse, request: HttpRequest) => Verdict | undefined;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

export function isIdempotent(request: HttpRequest, method: string): boolean {
  return request.idempotent ?? IDEMPOTENT_METHODS.has(method);
}
