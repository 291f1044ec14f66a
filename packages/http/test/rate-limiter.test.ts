import { testRedisUrl } from '@callbridge/testkit/vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalRateLimiter, RedisRateLimiter, backoffDelayMs, parseRetryAfterMs } from '../src/index.js';

describe('rate limits and retry timing', () => {
  const clients: Redis[] = [];
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it('shares one limit between two limiters on separate Redis connections, as two worker processes would', async () => {
    const key = `test:rate:${randomUUID()}`;
    const rate = { limit: 5, windowMs: 400 };
    const [a, b] = [new Redis(testRedisUrl()), new Redis(testRedisUrl())];
    clients.push(a, b);
    const limiters = [new RedisRateLimiter(a, key, rate), new RedisRateLimiter(b, key, rate)];
    const granted: number[] = [];
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 15 }, async (_, i) => {
        await limiters[i % 2]!.acquire();
        granted.push(Date.now() - started);
      }),
    );
    granted.sort((x, y) => x - y);
    // In any 400 ms window at most 5 grants. The window is kept on Redis's clock and these times are
    // taken when each promise resolves, which a busy event loop can delay: hence the slack. Without
    // the shared limit all 15 would be granted within a few milliseconds.
    for (let i = 5; i < granted.length; i++) expect(granted[i]! - granted[i - 5]!).toBeGreaterThanOrEqual(300);
    expect(granted.at(-1)!).toBeGreaterThanOrEqual(780);
  });

  it('keeps the same window in memory for one process', async () => {
    const limiter = new LocalRateLimiter({ limit: 3, windowMs: 200 });
    const started = Date.now();
    for (let i = 0; i < 7; i++) await limiter.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it('jitters backoff within [0, min(max, base·2^(n−1))) and reads Retry-After forms', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterCapMs: 10_000 };
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelayMs(9, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(4, policy, () => 0)).toBe(0);
    expect(parseRetryAfterMs('7', 10_000)).toBe(7_000);
    expect(parseRetryAfterMs('120', 10_000)).toBe(10_000);
    expect(parseRetryAfterMs(new Date(Date.now() + 3_000).toUTCString(), 10_000)).toBeGreaterThan(1_500);
    expect(parseRetryAfterMs('soon', 10_000)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, 10_000)).toBeUndefined();
  });
});
