import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay, type RetryPolicy } from './retry-policy.js';

const policy: RetryPolicy = { attempts: 6, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterCapMs: 5_000, jitter: 0.5 };

describe('backoff', () => {
  it('doubles per retry up to the maximum when jitter is off', () => {
    const noJitter = { ...policy, jitter: 0 };
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(noJitter, retry))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('keeps jittered delays within [d × (1 − jitter), d]', () => {
    for (let retry = 1; retry <= 5; retry++) {
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
      const samples = Array.from({ length: 500 }, () => backoffDelay(policy, retry));
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(ceiling * 0.5);
      expect(Math.max(...samples)).toBeLessThanOrEqual(ceiling);
      expect(new Set(samples).size).toBeGreaterThan(10); // really random
    }
    expect(backoffDelay(policy, 3, () => 0)).toBe(400);
    expect(backoffDelay(policy, 3, () => 0.999999)).toBe(200);
    expect(backoffDelay({ ...policy, jitter: 1 }, 1, () => 0.999999)).toBe(0);
  });

  it("prefers the server's delay, capped", () => {
    expect(retryDelay(policy, 1, 2_000)).toBe(2_000);
    expect(retryDelay(policy, 1, 60_000)).toBe(5_000);
    expect(retryDelay(policy, 1, 0)).toBe(1);
    expect(retryDelay({ ...policy, jitter: 0 }, 2, undefined)).toBe(200);
  });
});
