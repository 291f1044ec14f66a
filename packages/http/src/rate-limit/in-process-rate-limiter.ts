import { sleep } from '../sleep.js';
import { assertRateLimit, wakeSpread, type RateLimit, type RateLimiter } from './rate-limiter.js';

/**
 * A sliding-window limiter held in this process's memory: for tests and single-process runs. Worker
 * processes sharing a connection must use the Redis limiter instead, or each gets the full budget.
 */
export class InProcessRateLimiter implements RateLimiter {
  private readonly grants: number[] = [];
  private pausedUntil = 0;

  constructor(
    private readonly rate: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    assertRateLimit(rate);
  }

  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      const { waitMs, now } = this.tryAcquire();
      if (waitMs === 0) return now;
      await sleep(waitMs + wakeSpread(), signal);
    }
  }

  async pause(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Takes a slot if one is free (waitMs 0), else says how long until one frees up. */
  private tryAcquire(): { waitMs: number; now: number } {
    const now = this.now();
    if (this.pausedUntil > now) return { waitMs: this.pausedUntil - now, now };
    while (this.grants.length > 0 && this.grants[0]! <= now - this.rate.intervalMs) this.grants.shift();
    if (this.grants.length < this.rate.limit) {
      this.grants.push(now);
      return { waitMs: 0, now };
    }
    return { waitMs: this.grants[0]! + this.rate.intervalMs - now, now };
  }
}
