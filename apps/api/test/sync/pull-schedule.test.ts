import { randomBytes } from 'node:crypto';
import { createAdapterRegistry, createConnection, defineAdapter } from '@callbridge/sync';
import { waitUntil } from '@callbridge/testkit';
import { testQueuePrefix, testRedisUrl } from '@callbridge/testkit/vitest';
import { pullJob, type RunningWorker } from '@callbridge/worker';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { startTestWorker } from '../support/test-worker.js';

const ADMIN_KEY = 'admin-key-for-pull-tests-01';

/** A pulling adapter that counts its pulls in its own cursor: each pull is one applied change. */
const tickerAdapter = defineAdapter({
  kind: 'ticker',
  title: 'Ticker (tests only)',
  configSchema: z.object({}),
  credentialsSchema: z.object({ token: z.string() }),
  secretFields: ['token'],
  capabilities: { push: false, pull: true },
  create: (ctx) => ({
    selfTest: () => Promise.resolve({ ok: true as const }),
    async pull() {
      const ticks = Number((await ctx.cursors.get('ticks')) ?? '0');
      await ctx.cursors.set('ticks', String(ticks + 1));
      return { applied: 1, more: false };
    },
  }),
});

describe('pull schedules and sync now', () => {
  let api: ApiHarness;
  let worker: RunningWorker;
  let pullQueue: Queue;
  let connectionId: string;
  const prefix = testQueuePrefix();

  beforeAll(async () => {
    api = await startApiHarness(
      { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: `k1:${randomBytes(32).toString('base64')}` },
      { adapters: [tickerAdapter], queuePrefix: prefix },
    );
    const registry = createAdapterRegistry([tickerAdapter]);
    connectionId = await createConnection(
      { db: api.db, registry, keys: api.config.CREDENTIALS_KEYS ?? [] },
      {
        adapter: 'ticker',
        name: 'ticker',
        baseUrl: 'http://127.0.0.1:9',
        credentials: { token: 't' },
        settings: {},
        filter: {},
        pollIntervalMs: 1_000,
        enabled: true,
      },
    );
    worker = await startTestWorker(api, [tickerAdapter], { queuePrefix: prefix, scheduleRefreshMs: 200 });
    pullQueue = new Queue(pullJob.queue, { connection: { url: testRedisUrl() }, prefix });
  });
  afterAll(async () => {
    await pullQueue?.close();
    await worker?.close();
    await api?.close();
  });

  const ticks = async () =>
    Number(
      (await api.db.syncCursor.findUnique({ where: { connectionId_stream: { connectionId, stream: 'ticks' } } }))
        ?.value ?? '0',
    );

  it('pulls every pollIntervalMs, checkpoints the cursor and records each run', async () => {
    await waitUntil('three scheduled pulls', async () => (await ticks()) >= 3, 10_000);
    const runs = await api.db.syncRun.findMany({ where: { connectionId, kind: 'pull', status: 'succeeded' } });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((run) => run.trigger === 'schedule')).toBe(true);
  });

  it('pulls at once on POST /admin/connections/:id/sync', async () => {
    const response = await api.app.inject({
      method: 'POST',
      url: `/admin/connections/${connectionId}/sync`,
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(response.statusCode).toBe(202);
    await waitUntil(
      'a manual run',
      async () =>
        (await api.db.syncRun.count({ where: { connectionId, trigger: 'manual', status: 'succeeded' } })) === 1,
    );
  });

  it('drops the schedule of a disabled connection', async () => {
    expect((await pullQueue.getJobSchedulers()).map((s) => s.key)).toEqual([`pull-${connectionId}`]);
    await api.db.connection.update({ where: { id: connectionId }, data: { enabled: false } });
    await waitUntil('the schedule to go', async () => (await pullQueue.getJobSchedulers()).length === 0);
  });
});
