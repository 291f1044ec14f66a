/**
 * The delay a `Retry-After` header asks for, in milliseconds: either delay-seconds (`"120"`) or an
 * HTTP-date (`"Wed, 21 Oct 2026 07:28:00 GMT"`, measured from `now`; a date in the past means 0).
 * Returns undefined for a missing or unreadable value. The result is NOT capped: the caller caps
 * how long it sleeps, but keeps the server's wish for the job layer.
 */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  if (!/^[A-Za-z]/.test(raw)) return undefined; // "1.5", "-3": neither form (a date starts with its day name)
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
