import { createDb, type PrismaClient } from '@callbridge/db';
import { createTestDatabase, type TestDatabase } from '@callbridge/testkit/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStampHorizon } from '../src/index.js';

/** Inserts a call through a raw client (the trigger stamps it) and returns its stamp. */
async function insertCall(client: pg.Client | pg.PoolClient, ownerId: bigint, number: string): Promise<bigint> {
  const { rows } = await client.query<{ stamp: string }>(
    `INSERT INTO calls ("number", "ownerId", "clientName", "created", "descriptionHtmlText", "descriptionTextForFieldEmployee",
       "serviceObjectName", "serviceObjectAddress", "serviceObjectLatitude", "serviceObjectLongitude", "updatedAt")
     VALUES ($1, $2, 'c', now(), '', '', 'o', 'a', 0, 0, now()) RETURNING stamp`,
    [number, ownerId.toString()],
  );
  return BigInt(rows[0]!.stamp);
}

describe('modification stamps', () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let ownerId: bigint;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb({ connectionString: database.url });
    ownerId = (await db.user.create({ data: { name: 'owner', passwordHash: Buffer.alloc(32) } })).id;
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('gives every insert and update a new, larger stamp', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const first = await insertCall(client, ownerId, 'S-1');
      const second = await insertCall(client, ownerId, 'S-2');
      const { rows } = await client.query<{ stamp: string }>(
        `UPDATE calls SET "clientName" = 'changed' WHERE "number" = 'S-1' RETURNING stamp`,
      );
      const updated = BigInt(rows[0]!.stamp);
      expect(second).toBeGreaterThan(first);
      expect(updated).toBeGreaterThan(second);
    } finally {
      await client.end();
    }
  });

  it('holds the horizon at the stamp of a slow transaction until it commits', async () => {
    const slow = new pg.Client({ connectionString: database.url });
    const fast = new pg.Client({ connectionString: database.url });
    await Promise.all([slow.connect(), fast.connect()]);
    try {
      await slow.query('BEGIN');
      const slowStamp = await insertCall(slow, ownerId, 'H-slow');
      const fastStamp = await insertCall(fast, ownerId, 'H-fast'); // autocommit: committed already
      expect(fastStamp).toBeGreaterThan(slowStamp);

      // A poller must not move past the slow writer's stamp while it may still commit.
      expect(await readStampHorizon(db)).toBe(slowStamp);

      await slow.query('COMMIT');
      expect(await readStampHorizon(db)).toBeGreaterThan(fastStamp);
    } finally {
      await Promise.all([slow.end(), fast.end()]);
    }
  });

  it('releases the horizon when the slow transaction rolls back', async () => {
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const slowStamp = await insertCall(slow, ownerId, 'R-slow');
      expect(await readStampHorizon(db)).toBe(slowStamp);
      await slow.query('ROLLBACK');
      expect(await readStampHorizon(db)).toBeGreaterThan(slowStamp);
    } finally {
      await slow.end();
    }
  });
});
