import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

/** At most `limit` requests in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export interface RateLimiter {
  /** Resolves when a request may go; waits as long as the limit needs. */
  acquire(signal?: AbortSignal): Promise<void>;
}

// A sliding-window log in one sorted set per connection. The clock is Redis's own (TIME), so worker
// processes on different machines agree on the window. Answers 0 when the request may go, else how
// many ms until the oldest entry leaves the window.
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/** A limit shared by every process that uses the same Redis and key (one key per connection). */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly rate: RateLimit,
  ) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const waitMs = Number(
        await this.redis.eval(SLIDING_WINDOW, 1, this.key, this.rate.windowMs, this.rate.limit, randomUUID()),
      );
      if (waitMs === 0) return;
      await sleep(waitMs + Math.floor(Math.random() * 5), undefined, { signal });
    }
  }
}

/** The same window kept in memory: for one process (tests, the CLI, a simulator's client). */
export class LocalRateLimiter implements RateLimiter {
  private readonly sent: number[] = [];

  constructor(private readonly rate: RateLimit) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = Date.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.rate.windowMs) this.sent.shift();
      if (this.sent.length < this.rate.limit) {
        this.sent.push(now);
        return;
      }
      await sleep(this.sent[0]! + this.rate.windowMs - now + 1, undefined, { signal });
    }
  }
}
