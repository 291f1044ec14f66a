import { bpmAdapter } from '@callbridge/adapters';
import { startBpmSimulator, type BpmSimulator } from '@callbridge/adapters/bpm/simulator';
import { waitUntil } from '@callbridge/testkit';
import type { RunningWorker } from '@callbridge/worker';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectionStack, type ConnectionStack } from '../support/connection-stack.js';
import { multipartFile } from '../support/multipart.js';
import { startTestWorker } from '../support/test-worker.js';

const USER = { login: 'callbridge', password: 'bpm-secret-pass' };

/** Issue 6's "done when", on the real API, worker, PostgreSQL, Redis and the BPM simulator. */
describe('BPM: calls ⇄ support cases over a cookie session', () => {
  let sim: BpmSimulator;
  let stack: ConnectionStack;
  let worker: RunningWorker;

  beforeAll(async () => {
    sim = await startBpmSimulator({ users: [USER] });
    stack = await startConnectionStack(bpmAdapter, {
      baseUrl: sim.url,
      credentials: USER,
      settings: { loginMinIntervalMs: 200 },
    });
    worker = await startTestWorker(stack.api, [bpmAdapter], { queuePrefix: stack.queuePrefix, scheduleRefreshMs: 200 });
  });
  afterAll(async () => {
    await worker?.close();
    await sim?.close();
    await stack?.api.close();
  });

  const casesOf = (number: string) => sim.cases().filter((candidate) => candidate.subject.startsWith(`[${number}] `));
  const caseOf = async (number: string) => {
    await waitUntil(`a case for call ${number}`, async () => casesOf(number).length > 0);
    return casesOf(number)[0]!;
  };
  const callRow = (id: number) => stack.api.db.call.findUniqueOrThrow({ where: { id: BigInt(id) } });
  const createCall = (overrides: Record<string, unknown> = {}) => stack.api.createCall(stack.owner.id, overrides);

  it('makes a routed call one case, with HTML stripped from the symptoms and the priority from critical', async () => {
    const call = await createCall({
      critical: true,
      descriptionHtmlText: '<p>Printer <b>jams</b></p><p>A &amp; B</p>',
    });
    const bpmCase = await caseOf(call.number);
    expect(bpmCase).toMatchObject({ subject: `[${call.number}] Office printer`, priority: 4, statuscode: 4 });
    expect(bpmCase.symptoms).toMatch(/^Printer jams\nA & B\n/);
    expect(bpmCase.symptoms).toContain('Contact: Jane Roe');
    expect(sim.stats.logins).toBe(1);
  });

  it('brings specialist status changes back as Committed, Done with the solution, and Closed', async () => {
    const call = await createCall();
    const { number } = await caseOf(call.number);
    sim.specialist.setStatus(number, 3);
    await waitUntil('Committed', async () => (await callRow(call.id)).status === 'Committed');
    sim.specialist.setStatus(number, 2, 'Replace the toner cartridge');
    await waitUntil('Done', async () => (await callRow(call.id)).status === 'Done');
    expect((await callRow(call.id)).comments).toBe('Replace the toner cartridge');
    sim.specialist.setStatus(number, 5);
    await waitUntil('Closed', async () => (await callRow(call.id)).status === 'Closed');
    // Closed here came from BPM: it is not sent back as an update_case.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(sim.cases().find((candidate) => candidate.number === number)?.statuscode).toBe(5);
  });

  it('carries messages both ways with no echo, and tells the owner when BPM needs their attention', async () => {
    const call = await createCall();
    const { number } = await caseOf(call.number);
    const posted = await stack.api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: stack.api.dispatch,
      payload: { date: '2026-11-23T10:00:00Z', message: 'The serial number is 12345' },
    });
    expect(posted.statusCode).toBe(200);
    const texts = () =>
      sim
        .cases()
        .find((candidate) => candidate.number === number)!
        .messages.map((m) => m.text);
    await waitUntil('the message in BPM', async () => texts().includes('The serial number is 12345'));
    sim.specialist.addMessage(number, 'Thank you, checking');
    await waitUntil('the specialist message in the portal', async () =>
      Boolean(
        await stack.api.db.callMessage.findFirst({
          where: { callId: BigInt(call.id), message: 'Thank you, checking' },
        }),
      ),
    );
    sim.specialist.setStatus(number, 1, 'Please confirm the fix');
    await waitUntil('the attention notification', async () =>
      Boolean(
        await stack.api.db.notification.findFirst({ where: { callId: BigInt(call.id), kind: 'call.attention' } }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(texts()).toEqual(['The serial number is 12345', 'Thank you, checking']);
    const messages = await stack.api.db.callMessage.findMany({
      where: { callId: BigInt(call.id) },
      orderBy: { id: 'asc' },
    });
    expect(messages.map((message) => message.message)).toEqual([
      'The serial number is 12345',
      'Thank you, checking',
      `BPM support waits for you on case ${number}: Please confirm the fix`,
    ]);
  });

  it('closes the case when the call is closed in the portal', async () => {
    const call = await createCall();
    const { number } = await caseOf(call.number);
    for (const payload of [{ status: 'Committed' }, { status: 'Done', comments: 'Fixed on site' }]) {
      const moved = await stack.api.app.inject({
        method: 'POST',
        url: `/call/${call.id}/status`,
        headers: stack.owner.headers,
        payload,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const closed = await stack.api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/close`,
      headers: stack.api.dispatch,
    });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    await waitUntil('the case to be closed', async () =>
      sim.cases().some((candidate) => candidate.number === number && candidate.statuscode === 5),
    );
  });

  it('uploads a task attachment as a case file, once', async () => {
    const call = await createCall();
    const { number } = await caseOf(call.number);
    const owner = stack.owner.headers;
    const inject = (url: string, payload: object) =>
      stack.api.app.inject({ method: 'POST', url, headers: owner, payload });
    expect((await inject(`/call/${call.id}/status`, { status: 'Committed' })).statusCode).toBe(200);
    const taskId = call.tasks[0]!.id;
    expect((await inject(`/calltask/${taskId}/status`, { status: 'Done' })).statusCode).toBe(204);
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const form = multipartFile('Attachment', 'meter-photo.png', png, 'image/png');
    const uploaded = await stack.api.app.inject({
      method: 'POST',
      url: `/calltask/${taskId}/attachment`,
      headers: { ...owner, ...form.headers },
      payload: form.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBeLessThan(300);
    const files = () => sim.cases().find((candidate) => candidate.number === number)!.files;
    await waitUntil('the case file', async () => files().length === 1);
    expect(files()[0]).toMatchObject({ name: 'meter-photo.png', size: png.length });
    expect(files()[0]!.content.equals(png)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(files()).toHaveLength(1);
  });

  it('loses and duplicates nothing when sessions expire mid-run and the per-minute limit is low', async () => {
    const loginsBefore = sim.stats.logins;
    sim.set({ perMinuteLimit: 8 });
    try {
      const calls = await Promise.all(Array.from({ length: 6 }, () => createCall()));
      await waitUntil('the first case', async () => calls.some((call) => casesOf(call.number).length > 0), 30_000);
      sim.expireSessions();
      await waitUntil(
        'a case for every call',
        async () => calls.every((call) => casesOf(call.number).length > 0),
        150_000,
      );
      expect(calls.map((call) => casesOf(call.number).length)).toEqual(calls.map(() => 1));
      expect(sim.stats.rateLimited).toBeGreaterThan(0);
      expect(sim.stats.logins).toBeGreaterThan(loginsBefore);
      const failed = await stack.api.db.jobAudit.count({ where: { state: 'failed', queue: 'push' } });
      expect(failed).toBe(0);
    } finally {
      sim.set({ perMinuteLimit: undefined });
    }
  }, 200_000);

  it('reports a refused login as a clear, fatal connection error, without a login loop', async () => {
    const patched = await stack.api.app.inject({
      method: 'PATCH',
      url: `/admin/connections/${stack.connectionId}`,
      headers: stack.admin,
      payload: { credentials: { login: USER.login, password: 'not-the-password' } },
    });
    expect(patched.statusCode).toBe(200);
    const test = await stack.api.app.inject({
      method: 'POST',
      url: `/admin/connections/${stack.connectionId}/test`,
      headers: stack.admin,
    });
    expect(test.json()).toEqual({
      ok: false,
      reason: expect.stringMatching(/BPM refused the login of "callbridge": Invalid username or password/),
    });
    expect(test.body).not.toContain('not-the-password');
    const failedLogins = sim.stats.failedLogins;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Pulls keep their schedule (one a second), each trying once: no tight loop of logins.
    expect(sim.stats.failedLogins - failedLogins).toBeLessThanOrEqual(4);
  });
});
