import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { cloneDatabase, type TestDatabase } from '../postgres/databases.js';
import './provided-context.js';

/** A fresh, migrated database for the calling test file (clone of the run's template). */
export function createTestDatabase(): Promise<TestDatabase> {
  return cloneDatabase(inject('postgresServerUrl'), inject('postgresTemplate'));
}

/** Server-level URL of the run's PostgreSQL, for tests that create databases of their own. */
export function testPostgresServerUrl(): string {
  return inject('postgresServerUrl');
}

/** The run's migrated template database. */
export function testPostgresTemplate(): string {
  return inject('postgresTemplate');
}

/** The run's Redis. Test files share it, so each should use its own `testQueuePrefix()`. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A BullMQ key prefix unique to one test file, so files sharing the Redis never see each other's jobs. */
export function testQueuePrefix(): string {
  return `test-${randomBytes(4).toString('hex')}`;
}
