import type { Verdict } from './verdict.js';

/**
 * The default reading of an HTTP status: 2xx is success; 401/403 need re-auth; 408, 425 and 429
 * were refused before processing and 5xx may be transient (both retryable); everything else —
 * other 4xx, and 3xx since redirects are not followed — is fatal.
 */
export function statusVerdict(status: number): Verdict {
  if (status >= 200 && status < 300) return 'ok';
  const code = `HTTP_${status}`;
  if (status === 401 || status === 403) return { kind: 'reauth', code };
  if (status === 408 || status === 425 || status === 429) return { kind: 'retryable', code, processed: false };
  if (status >= 500) return { kind: 'retryable', code };
  return { kind: 'fatal', code };
}
