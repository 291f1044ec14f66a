import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MIGRATIONS_DIR } from './migration-files.js';
import { openSchemaEngine } from './schema-engine.js';

export interface CreateMigrationOptions {
  /** Any reachable PostgreSQL server: the Wasm engine insists on a connection even for a pure diff. */
  connectionString: string;
  name: string;
  schemaPath: string;
  migrationsDir?: string;
  /** Write the folder even when the schema has no changes (for hand-written SQL such as triggers). */
  empty?: boolean;
  now?: Date;
}

/**
 * The schema as of the last generated migration. The Wasm engine cannot replay migrations into a
 * shadow database here, so `new` diffs this snapshot against the current schema instead.
 */
export const SNAPSHOT_FILE = 'schema.snapshot.prisma';

/**
 * Offline stand-in for `prisma migrate dev --create-only`: writes
 * `migrations/<yyyymmddhhmmss>_<name>/migration.sql` with the DDL from the last snapshot to the
 * current schema, then moves the snapshot. Returns the folder, or undefined when nothing changed.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<string | undefined> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  await mkdir(migrationsDir, { recursive: true });
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) await writeFile(lockPath, 'provider = "postgresql"\n');

  const schema = await readFile(options.schemaPath, 'utf8');
  const snapshotPath = path.join(migrationsDir, SNAPSHOT_FILE);
  const snapshot = existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : undefined;

  const engine = await openSchemaEngine(options.connectionString, schema);
  let script: string;
  try {
    const result = await engine.diff({
      from:
        snapshot === undefined
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: SNAPSHOT_FILE, content: snapshot }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    script = result.stdout ?? '';
  } finally {
    engine.free();
  }

  const hasChanges = !/^\s*-- This is an empty migration\.\s*$/.test(script) && script.trim() !== '';
  if (!hasChanges && !options.empty) return undefined;
  const folder = path.join(migrationsDir, `${migrationTimestamp(options.now ?? new Date())}_${options.name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), hasChanges ? script : '-- Hand-written migration.\n');
  await writeFile(snapshotPath, schema);
  return folder;
}

function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
