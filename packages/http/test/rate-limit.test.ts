import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testQueuePrefix, testRedisUrl } from '@callbridge/testkit/vitest';
import { createHttpClient, InProcessRateLimiter, RedisRateLimiter, type RateLimit } from '../src/index.js';
import { sendJson, startServer } from './support/test-server.js';

const keyPrefix = `${testQueuePrefix()}:ratelimit`;
let redisA: Redis;
let redisB: Redis;

beforeAll(() => {
  // Two clients, as two worker processes would have.
  redisA = new Redis(testRedisUrl());
  redisB = new Redis(testRedisUrl());
});

afterAll(async () => {
  const keys = await redisA.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await redisA.del(...keys);
  await Promise.all([redisA.quit(), redisB.quit()]);
});

/** Fails when more than `limit` of the sorted times fall into any window shorter than `windowMs`. */
function expectNoWindowOverLimit(times: number[], limit: number, windowMs: number) {
  const sorted = [...times].sort((a, b) => a - b);
  for (let i = 0; i + limit < sorted.length; i++) {
    expect(sorted[i + limit]! - sorted[i]!, `grants ${i}..${i + limit}`).toBeGreaterThanOrEqual(windowMs);
  }
}

describe('shared Redis rate limiter', () => {
  const rate: RateLimit = { limit: 4, intervalMs: 200 };

  it('two limiter instances on two Redis clients never exceed the limit together', async () => {
    const a = new RedisRateLimiter({ redis: redisA, connectionId: 'shared', keyPrefix, ...rate });
    const b = new RedisRateLimiter({ redis: redisB, connectionId: 'shared', keyPrefix, ...rate });
    const started = Date.now();
    const grants = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a : b).acquire()));
    // 16 slots at 4 per 200 ms need at least 3 full windows after the first; separate budgets would take one.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * rate.intervalMs - 10);
    expectNoWindowOverLimit(grants, rate.limit, rate.intervalMs);
  });

  it('keeps separate budgets for separate connections', async () => {
    const a = new RedisRateLimiter({ redis: redisA, connectionId: 'conn-a', keyPrefix, ...rate });
    const b = new RedisRateLimiter({ redis: redisB, connectionId: 'conn-b', keyPrefix, ...rate });
    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: 4 }, () => a.acquire()),
      ...Array.from({ length: 4 }, () => b.acquire()),
    ]);
    expect(Date.now() - started).toBeLessThan(150);
  });

  it('spaces the requests two HTTP clients send to the server', async () => {
    const arrivals: number[] = [];
    const server = await startServer((_req, res) => {
      arrivals.push(Date.now());
      sendJson(res, 200, {});
    });
    const limiter = (redis: Redis) =>
      new RedisRateLimiter({ redis, connectionId: 'http', keyPrefix, limit: 3, intervalMs: 200 });
    const clientA = createHttpClient({ baseUrl: server.url, connectionId: 'http', rateLimiter: limiter(redisA) });
    const clientB = createHttpClient({ baseUrl: server.url, connectionId: 'http', rateLimiter: limiter(redisB) });
    await Promise.all(Array.from({ length: 9 }, (_, i) => (i % 2 ? clientA : clientB).request({ path: `/${i}` })));
    expect(arrivals).toHaveLength(9);
    // Arrival times include connect and scheduling noise on a busy 2-core host, so the window is
    // shortened here; separate budgets would put 6 arrivals within a few ms and still fail this.
    // The strict proof is the grant-time test above.
    expectNoWindowOverLimit(arrivals, 3, 200 - 70);
    await Promise.all([clientA.close(), clientB.close(), server.close()]);
  });

  it('a pause taken by one process holds the other, and a shorter pause does not shorten it', async () => {
    const a = new RedisRateLimiter({ redis: redisA, connectionId: 'paused', keyPrefix, ...rate });
    const b = new RedisRateLimiter({ redis: redisB, connectionId: 'paused', keyPrefix, ...rate });
    const started = Date.now();
    await a.pause(300);
    await a.pause(50);
    await b.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
  });

  it('stops waiting when the signal aborts', async () => {
    const a = new RedisRateLimiter({ redis: redisA, connectionId: 'abort', keyPrefix, limit: 1, intervalMs: 10_000 });
    await a.acquire();
    const pending = a.acquire(AbortSignal.timeout(50));
    await expect(pending).rejects.toThrow();
  });
});

describe('in-process rate limiter', () => {
  it('keeps a sliding window within one process', async () => {
    const limiter = new InProcessRateLimiter({ limit: 3, intervalMs: 100 });
    const started = Date.now();
    const grants = await Promise.all(Array.from({ length: 9 }, () => limiter.acquire()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(195);
    expectNoWindowOverLimit(grants, 3, 100);
  });

  it('holds acquires during a pause', async () => {
    const limiter = new InProcessRateLimiter({ limit: 10, intervalMs: 100 });
    await limiter.pause(120);
    const started = Date.now();
    await limiter.acquire();
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('rejects a nonsensical rate', () => {
    expect(() => new InProcessRateLimiter({ limit: 0, intervalMs: 100 })).toThrow(RangeError);
  });
});
