import { migrateDeploy, readMigrations } from '@callbridge/db/migrations';
import { cloneDatabase, ensureDatabase } from '@callbridge/testkit';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresServerUrl, testPostgresTemplate } from '@callbridge/testkit/vitest';

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migrateDeploy', () => {
  const serverUrl = testPostgresServerUrl();
  let scratchDir: string;

  beforeAll(async () => {
    scratchDir = await mkdtemp(path.join(tmpdir(), 'callbridge-migrations-'));
  });
  afterAll(async () => {
    await rm(scratchDir, { recursive: true, force: true });
  });

  it('applies every migration of prisma/migrations once, recorded as Prisma records them', async () => {
    const url = await ensureDatabase(serverUrl, `migrate_${Date.now()}`);
    const first = await migrateDeploy({ connectionString: url });
    const migrations = await readMigrations();
    expect(first.applied).toEqual(migrations.map((m) => m.name));

    const again = await migrateDeploy({ connectionString: url });
    expect(again.applied).toEqual([]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['calls', 'outbox', 'connections', 'job_audit']),
    );
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const dir = path.join(scratchDir, 'failing');
    await mkdir(path.join(dir, '20260101000000_good'), { recursive: true });
    await mkdir(path.join(dir, '20260101000001_bad'), { recursive: true });
    await writeFile(path.join(dir, '20260101000000_good/migration.sql'), 'CREATE TABLE good (id int);');
    await writeFile(
      path.join(dir, '20260101000001_bad/migration.sql'),
      'CREATE TABLE half (id int);\nSELECT no_such_function();',
    );
    const url = await ensureDatabase(serverUrl, `migrate_fail_${Date.now()}`);

    await expect(migrateDeploy({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      /20260101000001_bad failed/,
    );
    const recorded = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM "_prisma_migrations"');
    expect(recorded.map((r) => r.migration_name)).toEqual(['20260101000000_good']);
    const half = await query<{ exists: boolean }>(url, "SELECT to_regclass('public.half') IS NOT NULL AS exists");
    expect(half[0]?.exists).toBe(false);
  });

  it('the test template is fully migrated (clones start with the current schema)', async () => {
    const clone = await cloneDatabase(serverUrl, testPostgresTemplate());
    try {
      const result = await migrateDeploy({ connectionString: clone.url });
      expect(result.applied).toEqual([]);
    } finally {
      await clone.drop();
    }
  });
});
