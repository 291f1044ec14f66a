import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from './migration-files.js';
import { CREATE_PRISMA_MIGRATIONS_TABLE, PRISMA_MIGRATE_LOCK_KEY } from './prisma-migrations-table.js';

export interface MigrationLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface MigrateDeployOptions {
  connectionString: string;
  migrationsDir?: string;
  logger?: MigrationLogger;
}

export interface MigrateDeployResult {
  applied: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Offline equivalent of `prisma migrate deploy`: applies pending `prisma/migrations/<name>/migration.sql`
 * in name order and records them in `_prisma_migrations`. Unlike the stock CLI each migration runs in
 * its own transaction, so a failing one leaves neither half-applied DDL nor a failed record behind.
 */
export async function migrateDeploy(options: MigrateDeployOptions): Promise<MigrateDeployResult> {
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    await client.query(CREATE_PRISMA_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const unfinished = rows.filter((row) => row.finished_at === null);
    if (unfinished.length > 0) {
      throw new Error(
        `migration(s) ${unfinished.map((row) => row.migration_name).join(', ')} failed earlier and were not resolved; ` +
          'fix the database and mark them with `prisma migrate resolve` before deploying again',
      );
    }
    const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const known = new Set(migrations.map((migration) => migration.name));
    for (const name of done.keys()) {
      if (!known.has(name))
        options.logger?.warn({ migration: name }, 'applied migration is missing from the migrations folder');
    }

    for (const migration of migrations) {
      const recorded = done.get(migration.name);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          options.logger?.warn(
            { migration: migration.name },
            'migration was edited after it was applied (checksum differs)',
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
      options.logger?.info({ migration: migration.name }, 'migration applied');
    }
    if (applied.length === 0) options.logger?.info({ migrations: migrations.length }, 'database schema is up to date');
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
