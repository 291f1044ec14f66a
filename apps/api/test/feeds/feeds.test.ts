import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

interface Stamped {
  id: number;
  timestamp: number;
}

describe('modification feeds E2–E4', () => {
  let api: ApiHarness;
  let owner: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('feed-owner');
  });
  afterAll(() => api?.close());

  const feed = async <T extends Stamped>(path: string, after: number, limit?: number) => {
    const response = await api.app.inject({
      method: 'GET',
      url: `${path}/${after}${limit ? `?limit=${limit}` : ''}`,
      headers: api.dispatch,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T[]>();
  };

  it('E4 returns calls with a stamp strictly above the cursor, in stamp order, once each in their latest state', async () => {
    const first = await api.createCall(owner.id);
    const second = await api.createCall(owner.id);
    const all = await feed<Stamped & { ttf: string }>('/call/modifications', 0);
    const stamps = all.map((call) => call.timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    const cursor = all.find((call) => call.id === first.id)!.timestamp;

    await api.app.inject({
      method: 'PATCH',
      url: `/call/${first.id}`,
      headers: api.dispatch,
      payload: { ttf: '2027-01-01T00:00:00Z' },
    });
    const after = await feed<Stamped & { ttf: string }>('/call/modifications', cursor);
    expect(after.map((call) => call.id)).toEqual([second.id, first.id]);
    expect(after[1]!.ttf).toBe('2027-01-01T00:00:00.000Z');
    expect(after.every((call) => call.timestamp > cursor)).toBe(true);
    expect(await feed('/call/modifications', after[1]!.timestamp)).toEqual([]);
  });

  it('pages with limit: polling from the last stamp of each page reads every row exactly once', async () => {
    const start = (await feed<Stamped>('/call/modifications', 0)).at(-1)?.timestamp ?? 0;
    const created = [];
    for (let i = 0; i < 7; i++) created.push((await api.createCall(owner.id)).id);
    const seen: number[] = [];
    let cursor = start;
    for (;;) {
      const page = await feed<Stamped>('/call/modifications', cursor, 3);
      expect(page.length).toBeLessThanOrEqual(3);
      seen.push(...page.map((call) => call.id));
      if (page.length < 3) break;
      cursor = page.at(-1)!.timestamp;
    }
    expect(seen).toEqual(created);
  });

  it('E3 and E2 return messages (owner null for the dispatcher) and jeopardies', async () => {
    const call = await api.createCall(owner.id);
    const messagesBefore = (await feed<Stamped>('/call/messages/modifications', 0)).at(-1)?.timestamp ?? 0;
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T08:00:00Z', message: 'from dispatch' },
    });
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/message`,
      headers: owner.headers,
      payload: { message: 'from contractor' },
    });
    const messages = await feed<Stamped & { owner: unknown; message: string }>(
      '/call/messages/modifications',
      messagesBefore,
    );
    expect(messages.map((m) => [m.message, m.owner])).toEqual([
      ['from dispatch', null],
      ['from contractor', { id: owner.id, name: owner.name }],
    ]);

    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/jeopardy`,
      headers: owner.headers,
      payload: { comment: 'late' },
    });
    const raised = await feed<Stamped & { comment: string; answerComment: string | null }>(
      '/call/jeopardies/modifications',
      0,
    );
    const jeopardy = raised.find((j) => j.comment === 'late')!;
    expect(jeopardy.answerComment).toBeNull();
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/unjeopardy`,
      headers: api.dispatch,
      payload: { answerComment: 'ok' },
    });
    const answered = await feed<Stamped & { answerComment: string }>(
      '/call/jeopardies/modifications',
      jeopardy.timestamp,
    );
    expect(answered).toEqual([expect.objectContaining({ id: jeopardy.id, answerComment: 'ok' })]);
  });

  it('answers 400 for a negative or non-integer stamp or limit, and 401 without the dispatch key', async () => {
    for (const url of ['/call/modifications/-1', '/call/modifications/1.5', '/call/modifications/x']) {
      expect((await api.app.inject({ method: 'GET', url, headers: api.dispatch })).statusCode, url).toBe(400);
    }
    for (const limit of ['0', '1001', 'many']) {
      const url = `/call/messages/modifications/0?limit=${limit}`;
      expect((await api.app.inject({ method: 'GET', url, headers: api.dispatch })).statusCode, url).toBe(400);
    }
    const userToken = await api.app.inject({
      method: 'GET',
      url: '/call/jeopardies/modifications/0',
      headers: owner.headers,
    });
    expect(userToken.statusCode).toBe(401);
  });

  it('holds back rows above the stamp of a transaction still open, then hands them out once it commits', async () => {
    const call = await api.createCall(owner.id);
    const cursor = (await feed<Stamped>('/call/modifications', 0)).at(-1)!.timestamp;
    let releaseSlowWriter!: () => void;
    const slowWriterMayCommit = new Promise<void>((resolve) => (releaseSlowWriter = resolve));
    let slowWriterHasStamp!: () => void;
    const slowWriterStamped = new Promise<void>((resolve) => (slowWriterHasStamp = resolve));

    const slowWriter = api.db.$transaction(async (tx) => {
      await tx.call.update({ where: { id: BigInt(call.id) }, data: { comments: 'slow' } });
      slowWriterHasStamp();
      await slowWriterMayCommit;
    });
    await slowWriterStamped;
    const fast = await api.createCall(owner.id);

    expect(await feed('/call/modifications', cursor)).toEqual([]);
    releaseSlowWriter();
    await slowWriter;
    const visible = await feed<Stamped>('/call/modifications', cursor);
    expect(visible.map((row) => row.id)).toEqual([call.id, fast.id]);
  });
});
