import type { Verdict } from './verdict.js';

/**
 * The default reading of an HTTP status: 2xx is success; 401/403 need re-auth; 408, 425, 429 and
 * 503 ("unable to handle the request", RFC 9110 §15.6.4) were refused before processing, and other
 * 5xx may be transient (both retryable, only the first kind safe to resend for a non-idempotent
 * request); everything else — other 4xx, and 3xx since redirects are not followed — is fatal.
 */
export function statusVerdict(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ok';
  const code = `HTTP_${status}`;
  if (status === 401 || status === 403) return { kind: 'reauth', code };
  if (status === 408 || status === 425 || status === 429 || status === 503)
    return { kind: 'retryable', code, processed: false };
  if (status >= 500) return { kind: 'retryable', code };
  return { kind: 'fatal', code };
}
