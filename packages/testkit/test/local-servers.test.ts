import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres, startRedis } from '../src/index.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('testkit servers', () => {
  it('a persistent Redis keeps its data across a restart (AOF on)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbridge-redis-test-'));
    const redis = await startRedis({ dataDir });
    try {
      const client = new Redis(redis.url, { maxRetriesPerRequest: null });
      client.on('error', () => undefined);
      await client.set('survives', 'yes');
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      await redis.restart();
      expect(await client.get('survives')).toBe('yes');
      client.disconnect();
    } finally {
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a persistent PostgreSQL keeps its data across stop and start, and reuses a running server', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbridge-pg-test-'));
    const first = await startPostgres({ dataDir });
    const run = async (url: string, sql: string): Promise<pg.QueryResult> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await client.query(sql);
      } finally {
        await client.end();
      }
    };
    try {
      await run(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$yes$$)');
      // A second start while it runs (a crashed launcher left it) finds the same server.
      const again = await startPostgres({ dataDir });
      expect(again.port).toBe(first.port);
      await first.stop();
      const restarted = await startPostgres({ dataDir });
      const { rows } = await run(restarted.url, 'SELECT v FROM kept');
      expect(rows).toEqual([{ v: 'yes' }]);
      await restarted.stop();
    } finally {
      await first.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
