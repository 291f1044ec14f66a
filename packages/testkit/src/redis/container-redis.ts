import type { RedisHandle } from './redis-handle.js';

/** Redis in a container (AOF on, noeviction), for machines where a Docker engine answers. */
export async function startContainerRedis(): Promise<RedisHandle> {
  const { RedisContainer } = await import('@testcontainers/redis');
  const container = await new RedisContainer('redis:7-alpine')
    .withCommand(['redis-server', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'])
    .start();
  return {
    kind: 'container',
    url: container.getConnectionUrl(),
    port: container.getPort(),
    async stop() {
      await container.stop();
    },
    async restart() {
      await container.restart();
    },
  };
}
