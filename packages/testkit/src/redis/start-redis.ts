import { dockerAvailable } from '../docker-available.js';
import { startContainerRedis } from './container-redis.js';
import { startLocalRedis, type LocalRedisOptions } from './local-redis.js';
import type { RedisHandle } from './redis-handle.js';

/** A real Redis server: a container when a Docker engine answers (throwaway only), else local. */
export async function startRedis(options: LocalRedisOptions = {}): Promise<RedisHandle> {
  if (!options.dataDir && (await dockerAvailable())) return startContainerRedis();
  return startLocalRedis(options);
}
