import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTask24Simulator, type Task24Simulator } from '../simulator/index.js';

const TOKEN = 'sim-token';

/** The simulator itself, over real HTTP: what the adapter and the benchmarks rely on. */
describe('task24 simulator', () => {
  let sim: Task24Simulator;

  beforeAll(async () => {
    sim = await startTask24Simulator({ tokens: [TOKEN] });
  });
  afterAll(() => sim?.close());

  type Envelope = { success: boolean; data: unknown; error: string | null; errors: unknown; stat?: unknown };
  async function call(path: string, params: Record<string, string>, method: 'GET' | 'POST' = 'GET') {
    const query = new URLSearchParams({ token: TOKEN, ...params });
    const response =
      method === 'GET'
        ? await fetch(`${sim.url}${path}?${query.toString()}`)
        : await fetch(`${sim.url}${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: query,
          });
    return { status: response.status, headers: response.headers, body: (await response.json()) as Envelope };
  }
  const add = async (fields: Record<string, string>) =>
    (await call('tickets/add', fields, 'POST')).body.data as Record<string, string>;

  it('answers both addressing styles in its envelope, and refuses a wrong token with 401', async () => {
    const category = (await call('categories/add', { name: 'Printers' }, 'POST')).body;
    expect(category).toMatchObject({ success: true, error: null, data: { name: 'Printers', clientcanview: '0' } });
    const byPath = await call('categories/items', {});
    const byParam = await call('categories', { method: 'items' });
    expect(byParam.body.data).toEqual(byPath.body.data);
    expect(byPath.body).toHaveProperty('worktime');
    const refused = await fetch(`${sim.url}categories/items?token=nope`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ success: false, error: 'token' });
    expect((await call('tickets/frobnicate', {})).body).toMatchObject({ success: false, error: 'invalid' });
    expect((await call('tickets/add', { state: 'flying' }, 'POST')).body).toMatchObject({
      success: false,
      error: 'invalid',
      errors: { state: 'flying' },
    });
  });

  it('filters items by state, matching from/to on acceptdate, enddate or date as the state says', async () => {
    const early = await add({ subject: 'early', state: 'distributing', date: '2026-11-01 10:00:00' });
    const late = await add({ subject: 'late', state: 'distributing', date: '2026-11-20' });
    sim.worker.take(early.id!, new Date('2026-11-21T09:00:00Z'));
    const items = async (filter: object) =>
      (await call('tickets/items', { filter: JSON.stringify(filter) })).body as { data: { subject: string }[] };
    const subjects = async (filter: object) => (await items(filter)).data.map((ticket) => ticket.subject).sort();

    expect(await subjects({ state: 'processing', from: '2026-11-21 12:00:00' })).toEqual(['early']);
    expect(await subjects({ state: 'processing', from: '2026-11-21 12:00:01' })).toEqual([]);
    expect(await subjects({ from: '2026-11-15', to: '2026-11-20' })).toEqual(['late']);
    expect(await subjects({ subject: 'late' })).toEqual(['late']);
    expect((await call('tickets/items', { filter: '{}' })).body.stat).toMatchObject({ all: 2, processing: 1 });
    expect(late.number).toBe(String(Number(early.number) + 1));
  });

  it('keeps a history of comments and state changes, and saves nothing in test mode', async () => {
    const ticket = await add({ subject: 'history', state: 'distributing' });
    await call('tickets/save', { id: ticket.id!, comment: 'Call before coming' }, 'POST');
    sim.worker.complete(ticket.id!, 'Fixed', new Date('2026-11-22T12:00:00Z'));
    const got = (await call('tickets/get', { id: ticket.id! })).body.data as {
      state: string;
      enddate: string;
      history: { type: string; text: string; state?: string }[];
    };
    expect(got).toMatchObject({ state: 'completed', enddate: '2026-11-22 15:00:00' });
    expect(got.history.map(({ type, text, state }) => ({ type, text, state }))).toEqual([
      { type: 'comment', text: 'Call before coming', state: undefined },
      { type: 'state', text: 'Fixed', state: 'completed' },
    ]);

    const before = sim.tickets().length;
    const trial = await call('tickets/add', { subject: 'trial', testmode: '1' }, 'POST');
    expect(trial.body).toMatchObject({ success: true, data: { subject: 'trial' } });
    expect(sim.tickets()).toHaveLength(before);
  });

  it('fails, hangs and rate-limits on its switches', async () => {
    try {
      const before = sim.tickets().length;
      sim.setFaults({ failureRate: 1 });
      expect((await call('tickets/add', { subject: 'never' }, 'POST')).status).toBe(503);
      expect(sim.tickets()).toHaveLength(before);

      sim.setFaults({ hangNextWrites: 1, hangMs: 10_000 });
      const lost = fetch(`${sim.url}tickets/add`, {
        method: 'POST',
        body: new URLSearchParams({ token: TOKEN, subject: 'lost answer' }),
        signal: AbortSignal.timeout(300),
      });
      await expect(lost).rejects.toThrow();
      expect(sim.tickets().map((ticket) => ticket.subject)).toContain('lost answer');

      sim.setFaults({ rateLimitPerSecond: 2 });
      const statuses = await Promise.all([1, 2, 3].map(async () => (await call('categories/items', {})).status));
      expect(statuses.sort()).toEqual([200, 200, 429]);
      const limited = await call('categories/items', {});
      expect(limited.headers.get('retry-after')).toBe('1');
    } finally {
      sim.setFaults({});
    }
  });
});
