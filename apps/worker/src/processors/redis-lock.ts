import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;

export const BUSY = Symbol('busy');

/**
 * Runs `work` holding a Redis lock, or returns BUSY when another process holds it. The lock is kept
 * alive while `work` runs and lapses `ttlMs` after its holder dies (kill -9), so a crashed worker
 * blocks the next one only briefly.
 */
export async function withRedisLock<T>(
  redis: Redis,
  key: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<T | typeof BUSY> {
  const owner = randomUUID();
  if ((await redis.set(key, owner, 'PX', ttlMs, 'NX')) !== 'OK') return BUSY;
  const keepAlive = setInterval(() => void redis.eval(EXTEND, 1, key, owner, ttlMs).catch(() => undefined), ttlMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(keepAlive);
    await redis.eval(RELEASE, 1, key, owner);
  }
}
