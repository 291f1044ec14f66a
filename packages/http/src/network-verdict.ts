import type { Failure } from './verdict.js';

/** Failures while opening the connection: no byte of the request reached the server. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Our own mistakes or a response we refuse to read: sending the same request again cannot help. */
const FATAL = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_RES_EXCEEDED_MAX_SIZE',
  'UND_ERR_HEADERS_OVERFLOW',
  'ERR_INVALID_URL',
]);

/** Certificate and TLS setup errors: a configuration problem, not a transient one. */
const isTlsSetupError = (code: string) => code.startsWith('ERR_TLS_') || code.includes('CERT');

/**
 * The default reading of an error thrown while sending or reading: connect failures are retryable
 * and surely unprocessed; socket resets and header/body timeouts are retryable but the server may
 * have acted; TLS/certificate and argument errors are fatal. Anything unknown counts as a
 * retryable network error that may have been processed.
 */
export function networkVerdict(error: unknown): Failure {
  const code = errorCode(error) ?? 'NETWORK_ERROR';
  if (NOT_SENT.has(code)) return { kind: 'retryable', code, processed: false };
  if (FATAL.has(code) || isTlsSetupError(code)) return { kind: 'fatal', code, processed: false };
  return { kind: 'retryable', code };
}

/** The code of a Node/undici error, looking inside the AggregateError of a multi-address connect. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, errors, cause } = error as { code?: unknown; errors?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return cause === undefined ? undefined : errorCode(cause);
}
