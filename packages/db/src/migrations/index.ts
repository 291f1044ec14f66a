export { migrateDeploy, type MigrateDeployOptions, type MigrateDeployResult, type MigrationLogger } from './deploy.js';
export { createMigration, type CreateMigrationOptions } from './create-migration.js';
export { readMigrations, DEFAULT_MIGRATIONS_DIR, type MigrationFile } from './migration-files.js';
