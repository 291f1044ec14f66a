export {
  createTestDatabase,
  testPostgresServerUrl,
  testPostgresTemplate,
  testRedisUrl,
  testQueuePrefix,
} from './test-database.js';
export type { TestDatabase } from '../postgres/databases.js';
