import type { Dispatcher } from 'undici';
import type { ConnectionCookieJar } from './cookie-jar.js';
import type { HttpRequest } from './request.js';
import { encodeBody } from './request-body.js';

export interface AttemptTimeouts {
  /** Until the response headers have arrived. */
  headersMs: number;
  /** Longest silence between two chunks of the response body. */
  bodyMs: number;
}

export interface AttemptInput {
  dispatcher: Dispatcher;
  method: string;
  url: URL;
  request: HttpRequest;
  cookies: ConnectionCookieJar | undefined;
  timeouts: AttemptTimeouts;
  /** Aborts the attempt: the caller's signal and the attempt's overall timeout together. */
  signal: AbortSignal;
  maxResponseBytes: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * Sends one attempt and reads the whole response. Throws what undici/Node throw (network errors,
 * timeouts, aborts); any status, 4xx and 5xx included, comes back as a response. `Set-Cookie`
 * headers go into the jar whatever the status.
 */
export async function sendAttempt(input: AttemptInput): Promise<RawResponse> {
  const { request, url, cookies } = input;
  const headers: Record<string, string> = { accept: 'application/json, */*;q=0.5', ...lowerCaseKeys(request.headers) };
  const encoded = request.body === undefined ? undefined : encodeBody(request.body);
  if (encoded?.contentType !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = encoded.contentType;
  }
  const jarCookies = await cookies?.cookieHeader(url.href);
  if (jarCookies !== undefined) headers.cookie = headers.cookie ? `${headers.cookie}; ${jarCookies}` : jarCookies;

  const response = await input.dispatcher.request({
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: input.method,
    headers,
    body: encoded?.body ?? null,
    headersTimeout: input.timeouts.headersMs,
    bodyTimeout: input.timeouts.bodyMs,
    signal: input.signal,
  });
  const responseHeaders = definedHeaders(response.headers);
  await cookies?.store(url.href, responseHeaders['set-cookie']);
  const body = await readBody(response.body, input.maxResponseBytes);
  return { status: response.statusCode, headers: responseHeaders, body };
}

async function readBody(stream: AsyncIterable<Buffer> & { destroy(error?: Error): void }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) {
      const error = Object.assign(new Error(`response body exceeds ${maxBytes} bytes`), {
        code: 'UND_ERR_RES_EXCEEDED_MAX_SIZE',
      });
      stream.destroy(error);
      throw error;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

function definedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name] = value;
  return out;
}
