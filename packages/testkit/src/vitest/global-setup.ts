import { migrateDeploy } from '@callbridge/db/migrations';
import type { TestProject } from 'vitest/node';
import { createTemplateDatabase } from '../postgres/databases.js';
import { startPostgres } from '../postgres/start-postgres.js';
import { startRedis } from '../redis/start-redis.js';
import type { ServerHandle } from '../server-handle.js';
import './provided-context.js';

interface SharedServers {
  postgres: ServerHandle;
  redis: ServerHandle;
  template: string;
}

// Vitest runs a project's globalSetup once per project; every project of the run shares one
// PostgreSQL and one Redis, started by the first and stopped by the last.
let shared: Promise<SharedServers> | undefined;
let users = 0;

async function startServers(): Promise<SharedServers> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const template = await createTemplateDatabase(postgres.url, 'callbridge_template', async (url) => {
    await migrateDeploy({ connectionString: url });
  });
  return { postgres, redis, template };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  users += 1;
  shared ??= startServers();
  const servers = await shared;
  project.provide('postgresServerUrl', servers.postgres.url);
  project.provide('postgresTemplate', servers.template);
  project.provide('redisUrl', servers.redis.url);
  return async () => {
    users -= 1;
    if (users > 0) return;
    await Promise.all([servers.postgres.stop(), servers.redis.stop()]);
    shared = undefined;
  };
}
