import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { task24Adapter } from '@callbridge/adapters';
import { startRedis, waitUntil, type RedisHandle } from '@callbridge/testkit';
import type { RunningWorker } from '@callbridge/worker';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startTestWorker } from '../support/test-worker.js';
import { expectOneTicketEach, startTask24Stack, TASK24_TOKEN, type Task24Stack } from '../support/task24-stack.js';

describe('recovery: Redis restarts, failed jobs, missed pushes', () => {
  let stack: Task24Stack;
  let worker: RunningWorker | undefined;

  beforeAll(async () => {
    stack = await startTask24Stack();
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });
  afterAll(async () => {
    await stack?.close();
  });

  const inProcessWorker = (redisUrl?: string) =>
    startTestWorker(stack.api, [task24Adapter], {
      queuePrefix: stack.queuePrefix,
      scheduleRefreshMs: 200,
      ...(redisUrl ? { redisUrl } : {}),
    });

  it('loses nothing when Redis restarts in the middle of a run', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'callbridge-redis-restart-'));
    let redis: RedisHandle | undefined;
    try {
      redis = await startRedis({ dataDir });
      worker = await inProcessWorker(redis.url);
      const before = await Promise.all(Array.from({ length: 5 }, () => stack.api.createCall(stack.owner.id)));
      const restarting = redis.restart();
      const during = await Promise.all(Array.from({ length: 5 }, () => stack.api.createCall(stack.owner.id)));
      await restarting;
      const after = await Promise.all(Array.from({ length: 5 }, () => stack.api.createCall(stack.owner.id)));
      const numbers = [...before, ...during, ...after].map((call) => call.number);
      expect(await expectOneTicketEach(stack, numbers)).toEqual(numbers.map(() => 1));
    } finally {
      await worker?.close();
      worker = undefined;
      await redis?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails a push task24 refuses for good, lists it, and delivers it on replay once the connection is fixed', async () => {
    const patch = (credentials: { token: string }) =>
      stack.api.app.inject({
        method: 'PATCH',
        url: `/admin/connections/${stack.connectionId}`,
        headers: stack.admin,
        payload: { credentials },
      });
    expect((await patch({ token: 'a-token-task24-refuses' })).statusCode).toBe(200);
    onTestFinished(async () => void (await patch({ token: TASK24_TOKEN })));
    worker = await inProcessWorker();
    const call = await stack.api.createCall(stack.owner.id);

    const failedJobs = async () =>
      (await stack.api.app.inject({ method: 'GET', url: '/admin/jobs?state=failed', headers: stack.admin })).json<
        { id: number; callId: number | null; error: string }[]
      >();
    await waitUntil('the push to fail', async () => (await failedJobs()).some((job) => job.callId === call.id));
    const failed = (await failedJobs()).find((job) => job.callId === call.id)!;
    expect(failed.error).toMatch(/^reauth: .*task24 error "token": invalid token/);
    expect(failed.error).not.toContain('a-token-task24-refuses');
    const detail = await stack.api.app.inject({ method: 'GET', url: `/admin/jobs/${failed.id}`, headers: stack.admin });
    expect(detail.json()).toMatchObject({ externalWrite: { linked: false, externalId: null } });
    expect(stack.ticketsOf(call.number)).toEqual([]);

    expect((await patch({ token: TASK24_TOKEN })).statusCode).toBe(200);
    const replay = await stack.api.app.inject({
      method: 'POST',
      url: `/admin/jobs/${failed.id}/replay`,
      headers: stack.admin,
    });
    expect(replay.statusCode).toBe(202);
    expect(await expectOneTicketEach(stack, [call.number])).toEqual([1]);
  });

  it('pushes, through the reconcile sweep, a change whose push job never ran', async () => {
    worker = await inProcessWorker();
    // The outbox path "loses" the change: its entry is marked dispatched without any push job.
    await stack.api.db.$executeRaw`ALTER TABLE outbox ALTER COLUMN "dispatchedAt" SET DEFAULT now()`;
    await stack.api.db.$executeRaw`ALTER TABLE outbox ALTER COLUMN "publishedAt" SET DEFAULT now()`;
    try {
      const call = await stack.api.createCall(stack.owner.id);
      expect(stack.ticketsOf(call.number)).toEqual([]);
      const syncNow = await stack.api.app.inject({
        method: 'POST',
        url: `/admin/connections/${stack.connectionId}/sync`,
        headers: stack.admin,
      });
      expect(syncNow.json()).toEqual({ jobId: expect.any(String), reconcileJobId: expect.any(String) });
      await waitUntil(
        'the reconcile sweep to push the call',
        async () => stack.ticketsOf(call.number).length === 1,
        60_000,
      );
      const runs = await stack.api.db.syncRun.findMany({
        where: { connectionId: stack.connectionId, kind: 'reconcile' },
      });
      expect(runs.some((run) => (run.stats as { enqueued?: number }).enqueued === 1)).toBe(true);
    } finally {
      await stack.api.db.$executeRaw`ALTER TABLE outbox ALTER COLUMN "dispatchedAt" DROP DEFAULT`;
      await stack.api.db.$executeRaw`ALTER TABLE outbox ALTER COLUMN "publishedAt" DROP DEFAULT`;
    }
  }, 90_000);

  it('shows push lag and external requests of the workers in /metrics', async () => {
    worker = await startTestWorker(stack.api, [task24Adapter], {
      queuePrefix: stack.queuePrefix,
      metricsPublishMs: 200,
    });
    const call = await stack.api.createCall(stack.owner.id);
    await expectOneTicketEach(stack, [call.number]);
    const metrics = async () => (await stack.api.app.inject({ method: 'GET', url: '/metrics' })).body;
    await waitUntil('the worker metrics', async () => (await metrics()).includes('callbridge_push_lag_seconds_count'));
    const text = await metrics();
    expect(text).toMatch(
      new RegExp(`callbridge_push_lag_seconds_count\\{connection="${stack.connectionId}",adapter="task24"\\} [1-9]`),
    );
    expect(text).toMatch(/callbridge_external_requests_total\{[^}]*status="200"\} [1-9]/);
    expect(text).toMatch(/callbridge_external_request_duration_seconds_bucket\{[^}]*operation="task24.tickets.add"/);
    expect(text).not.toContain(TASK24_TOKEN);
  });
});
