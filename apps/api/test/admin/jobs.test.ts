import { testQueuePrefix, testRedisUrl } from '@callbridge/testkit/vitest';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';

const ADMIN_KEY = 'admin-key-for-job-tests-0123';

describe('admin API: failed jobs and bull-board', () => {
  let api: ApiHarness;
  let queue: Queue;
  const prefix = testQueuePrefix();
  const auth = { authorization: `Bearer ${ADMIN_KEY}` };

  beforeAll(async () => {
    api = await startApiHarness({ ADMIN_API_KEY: ADMIN_KEY }, { queuePrefix: prefix });
    queue = new Queue('outbox', { connection: { url: testRedisUrl() }, prefix });
  });
  afterAll(async () => {
    await queue?.close();
    await api?.close();
  });

  /** A job that really failed in Redis (a worker that throws), and its audit row as the worker keeps it. */
  async function failedJob(jobId: string, payload: Record<string, string>) {
    const worker = new Worker(
      'outbox',
      () => {
        throw new Error('external system answered 503');
      },
      { connection: { url: testRedisUrl(), maxRetriesPerRequest: null }, prefix },
    );
    const failed = new Promise<void>((resolve) => worker.once('failed', () => resolve()));
    await queue.add('push-call', payload, { jobId, attempts: 1 });
    await failed;
    await worker.close();
    return api.db.jobAudit.create({
      data: {
        queue: 'outbox',
        jobId,
        name: 'push-call',
        state: 'failed',
        attempts: 1,
        error: 'external system answered 503',
        payload,
        connectionId: payload.connectionId ?? null,
        callId: payload.callId ? BigInt(payload.callId) : null,
      },
    });
  }

  it('lists failed jobs, tells whether the external write happened, and replays one still in Redis', async () => {
    const owner = await api.createUser('jobs-owner');
    const call = await api.createCall(owner.id);
    const connection = await api.db.connection.create({
      data: {
        adapter: 'task24',
        name: 'jobs-conn',
        baseUrl: 'http://x',
        credentialsCipher: Buffer.alloc(40),
        credentialsKeyId: 'k',
      },
    });
    await api.db.externalLink.create({
      data: { connectionId: connection.id, entity: 'call', localId: BigInt(call.id), externalId: 'T-77' },
    });
    const audit = await failedJob('push-1', { connectionId: connection.id, callId: String(call.id) });

    const list = await api.app.inject({ method: 'GET', url: '/admin/jobs?state=failed', headers: auth });
    expect(list.json()).toEqual([
      expect.objectContaining({ id: Number(audit.id), jobId: 'push-1', error: 'external system answered 503' }),
    ]);

    const detail = await api.app.inject({ method: 'GET', url: `/admin/jobs/${audit.id}`, headers: auth });
    expect(detail.json()).toMatchObject({
      payload: { connectionId: connection.id, callId: String(call.id) },
      externalWrite: { linked: true, externalId: 'T-77' },
    });

    const replay = await api.app.inject({ method: 'POST', url: `/admin/jobs/${audit.id}/replay`, headers: auth });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual({ replayed: true, how: 'retried' });
    expect(await (await queue.getJob('push-1'))!.getState()).toBe('waiting');
    expect((await api.db.jobAudit.findUniqueOrThrow({ where: { id: audit.id } })).state).toBe('replayed');
    const again = await api.app.inject({ method: 'POST', url: `/admin/jobs/${audit.id}/replay`, headers: auth });
    expect(again.statusCode).toBe(409);
  });

  it('re-adds a failed job Redis has forgotten, under the same id and payload', async () => {
    const audit = await failedJob('push-2', { outboxId: '42' });
    await (await queue.getJob('push-2'))!.remove();
    const replay = await api.app.inject({ method: 'POST', url: `/admin/jobs/${audit.id}/replay`, headers: auth });
    expect(replay.json()).toEqual({ replayed: true, how: 're-added' });
    const job = await queue.getJob('push-2');
    expect(job?.data).toEqual({ outboxId: '42' });
    const detail = await api.app.inject({ method: 'GET', url: `/admin/jobs/${audit.id}`, headers: auth });
    expect(detail.json()).toMatchObject({ externalWrite: null });
    expect((await api.app.inject({ method: 'GET', url: '/admin/jobs/999999', headers: auth })).statusCode).toBe(404);
  });

  it('serves bull-board at /admin/queues to a browser with the key as Basic-auth password, and to no one else', async () => {
    const denied = await api.app.inject({ method: 'GET', url: '/admin/queues' });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic/);
    const basic = `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString('base64')}`;
    const board = await api.app.inject({ method: 'GET', url: '/admin/queues', headers: { authorization: basic } });
    expect(board.statusCode).toBe(200);
    expect(board.headers['content-type']).toMatch(/text\/html/);
    const queuesApi = await api.app.inject({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: basic },
    });
    expect(queuesApi.statusCode).toBe(200);
    expect(queuesApi.body).toContain('outbox');
  });
});
