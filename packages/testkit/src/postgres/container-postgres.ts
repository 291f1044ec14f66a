import type { ServerHandle } from '../server-handle.js';

/** PostgreSQL in a container, for machines where a Docker engine answers. */
export async function startContainerPostgres(): Promise<ServerHandle> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:18-alpine')
    .withUsername('postgres')
    .withPassword('postgres')
    .withDatabase('postgres')
    .withCommand(['postgres', '-c', 'fsync=off', '-c', 'max_connections=400'])
    .start();
  return {
    kind: 'container',
    url: container.getConnectionUri(),
    port: container.getPort(),
    async stop() {
      await container.stop();
    },
  };
}
