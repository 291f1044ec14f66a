import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sleep } from '../sleep.js';
import { assertRateLimit, wakeSpread, type RateLimit, type RateLimiter } from './rate-limiter.js';
import { ACQUIRE_SCRIPT, PAUSE_SCRIPT } from './sliding-window.lua.js';

export interface RedisRateLimiterOptions extends RateLimit {
  redis: Redis;
  /** The connection whose budget this is: every limiter with the same key shares one budget. */
  connectionId: string;
  /** Key namespace, e.g. a per-test prefix. Default `callbridge:ratelimit`. */
  keyPrefix?: string;
}

const ACQUIRE = 'callbridgeRateAcquire';
const PAUSE = 'callbridgeRatePause';

type ScriptCall = (...args: (string | number)[]) => Promise<unknown>;

/**
 * The per-connection budget shared by every worker process: a sliding-window log in Redis, taken
 * and checked in one Lua script (EVALSHA through ioredis `defineCommand`), so two processes can
 * never both take the last slot of a window.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly windowKey: string;
  private readonly pauseKey: string;
  private readonly instance = randomBytes(6).toString('hex');
  private sequence = 0;
  private readonly redis: Redis;
  private readonly rate: RateLimit;

  constructor(options: RedisRateLimiterOptions) {
    assertRateLimit(options);
    this.redis = options.redis;
    this.rate = { limit: options.limit, intervalMs: options.intervalMs };
    // The hash tag keeps both keys of a connection on one Redis Cluster slot.
    const base = `${options.keyPrefix ?? 'callbridge:ratelimit'}:{${options.connectionId}}`;
    this.windowKey = `${base}:window`;
    this.pauseKey = `${base}:pause`;
    this.redis.defineCommand(ACQUIRE, { numberOfKeys: 2, lua: ACQUIRE_SCRIPT });
    this.redis.defineCommand(PAUSE, { numberOfKeys: 1, lua: PAUSE_SCRIPT });
  }

  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      const member = `${this.instance}:${++this.sequence}`;
      const reply = await this.script(ACQUIRE)(
        this.windowKey,
        this.pauseKey,
        this.rate.limit,
        this.rate.intervalMs,
        member,
      );
      const [waitMs, now] = reply as [number, number];
      if (waitMs === 0) return now;
      await sleep(waitMs + wakeSpread(), signal);
    }
  }

  async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    await this.script(PAUSE)(this.pauseKey, Math.ceil(ms));
  }

  private script(name: string): ScriptCall {
    const call = (this.redis as unknown as Record<string, ScriptCall>)[name];
    if (!call) throw new Error(`Redis script ${name} is not defined`);
    return call.bind(this.redis);
  }
}

export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  return new RedisRateLimiter(options);
}
