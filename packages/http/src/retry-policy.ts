/** How a client retries a failed attempt. */
export interface RetryPolicy {
  /** Total attempts including the first (1 = never retry). */
  attempts: number;
  /** Delay before the first retry; doubles for each further retry. */
  baseDelayMs: number;
  /** Upper bound of the exponential delay. */
  maxDelayMs: number;
  /** Longest wait a `Retry-After` (or an adapter's `retryAfterMs`) may impose in-process. */
  retryAfterCapMs: number;
  /**
   * Fraction of the delay that is randomised, 0…1: the delay is drawn uniformly from
   * `[d × (1 − jitter), d]`. 1 is "full jitter", 0 disables it.
   */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  retryAfterCapMs: 60_000,
  jitter: 0.5,
};

/** The exponential delay before retry number `retry` (1 = the first retry), jittered. */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter));
  return Math.round(ceiling * (1 - jitter * random()));
}

/**
 * The wait before the next attempt: the server's wish when it gave one (capped), else the backoff.
 * A server asking for 0 still waits 1 ms, never a hot loop.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs === undefined) return backoffDelay(policy, retry, random);
  return Math.min(policy.retryAfterCapMs, Math.max(retryAfterMs, 1));
}
