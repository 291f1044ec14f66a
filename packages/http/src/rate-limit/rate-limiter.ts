/** At most `limit` requests in any window of `intervalMs` (a sliding window, not fixed buckets). */
export interface RateLimit {
  limit: number;
  intervalMs: number;
}

/** The request budget of one connection. */
export interface RateLimiter {
  /**
   * Waits until a request slot is free and takes it. Resolves with the time the slot was granted
   * (milliseconds, by the limiter's clock); rejects with the signal's reason if `signal` aborts.
   */
  acquire(signal?: AbortSignal): Promise<number>;
  /**
   * Holds every `acquire` of this connection for `ms` — the server asked everyone to back off
   * (429 / Retry-After, a rate-limit envelope). A shorter pause never shortens a longer one.
   */
  pause(ms: number): Promise<void>;
}

export function assertRateLimit({ limit, intervalMs }: RateLimit): void {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`rate limit must be a positive integer, got ${limit}`);
  if (!(intervalMs > 0)) throw new RangeError(`rate interval must be positive, got ${intervalMs}`);
}

/** A few ms of spread so waiters that wake together do not hit the limiter in lock-step. */
export const wakeSpread = () => Math.floor(Math.random() * 5);
