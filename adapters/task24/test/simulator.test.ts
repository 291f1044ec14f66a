import { afterEach, describe, expect, it } from 'vitest';
import { startTask24Simulator, type Task24Simulator, type Task24SimulatorOptions } from '../simulator/index.js';

const TOKEN = 'sim-token';
const LOCAL = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Row = Record<string, string | null>;
type HistoryRow = { id: string; view: string; owner: string; type: string; text: string; state?: string };
type Envelope = {
  success: boolean;
  data: unknown;
  error: string | null;
  errormsg: string | null;
  errors: Record<string, string> | null;
  worktime: number;
  time: string;
  stat?: Record<string, number>;
};

const running: Task24Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** A simulator plus a small client speaking to it over real HTTP. */
async function start(options: Task24SimulatorOptions = {}) {
  const sim = await startTask24Simulator({ tokens: [TOKEN], ...options });
  running.push(sim);

  async function call(path: string, params: Record<string, string> = {}, method: 'GET' | 'POST' = 'GET') {
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
  async function ok(path: string, params: Record<string, string> = {}, method: 'GET' | 'POST' = 'POST') {
    const { status, body } = await call(path, params, method);
    expect({ status, success: body.success, error: body.error }).toEqual({ status: 200, success: true, error: null });
    return body;
  }
  const add = async (type: string, fields: Record<string, string>) => (await ok(`${type}/add`, fields)).data as Row;
  const save = async (type: string, fields: Record<string, string>) => (await ok(`${type}/save`, fields)).data as Row;
  const getTicket = async (id: string) =>
    (await ok('tickets/get', { id }, 'GET')).data as Row & { history: HistoryRow[] };
  const items = async (type: string, filter: object) => {
    const body = await ok(`${type}/items`, { filter: JSON.stringify(filter) }, 'GET');
    return { rows: body.data as Row[], stat: body.stat };
  };
  return { sim, call, ok, add, save, getTicket, items };
}

describe('task24 simulator: protocol', () => {
  it('answers the same data by path and by method parameter, in the full envelope', async () => {
    const { call, add } = await start();
    await add('categories', { name: 'Printers' });

    const byPath = await call('categories/items');
    const byParam = await call('categories', { method: 'items' });
    expect(byPath.status).toBe(200);
    expect(byPath.body).toEqual({
      success: true,
      data: [expect.objectContaining({ name: 'Printers', view: 'Printers', clientcanview: '0' })],
      error: null,
      errormsg: null,
      errors: null,
      worktime: expect.any(Number),
      time: expect.stringMatching(LOCAL),
    });
    expect(byParam.body.data).toEqual(byPath.body.data);
  });

  it('reads parameters from the query and from a form body, the body winning', async () => {
    const { sim } = await start();
    const response = await fetch(`${sim.url}categories/add?token=${TOKEN}&name=FromQuery&clientcanview=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ name: 'FromBody' }),
    });
    const body = (await response.json()) as Envelope;
    expect(body.data).toMatchObject({ name: 'FromBody', clientcanview: '1' });
  });

  it('refuses a wrong or missing token with 401 and applies nothing', async () => {
    const { sim, items } = await start();
    for (const query of ['token=nope&name=X', 'name=X']) {
      const response = await fetch(`${sim.url}categories/add?${query}`);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ success: false, error: 'token', errormsg: 'invalid token' });
    }
    expect((await items('categories', {})).rows).toEqual([]);
  });

  it('accepts the default demo tokens when none are configured', async () => {
    const sim = await startTask24Simulator();
    running.push(sim);
    for (const token of ['demo', 'operator']) {
      expect((await fetch(`${sim.url}tickets/items?token=${token}`)).status).toBe(200);
    }
  });

  it('refuses unknown types and methods, and invalid parameters, naming the parameter', async () => {
    const { call, add } = await start();
    expect((await call('tickets/frobnicate')).body).toMatchObject({
      success: false,
      error: 'invalid',
      errors: { method: 'tickets/frobnicate' },
    });
    expect((await call('invoices', { method: 'items' })).body).toMatchObject({
      error: 'invalid',
      errors: { method: 'invoices/items' },
    });
    const refusals: [string, Record<string, string>, Record<string, string>][] = [
      ['tickets/add', { state: 'flying' }, { state: 'flying' }],
      ['tickets/add', { priority: 'urgent' }, { priority: 'urgent' }],
      ['tickets/add', { sum: 'lots' }, { sum: 'lots' }],
      ['tickets/get', {}, { id: '' }],
      ['tickets/save', { id: 'no-such-id', subject: 'x' }, { id: 'no-such-id' }],
      ['clients/delete', { id: 'no-such-id' }, { id: 'no-such-id' }],
      ['users/add', { name: 'Petrovich', role: 'boss' }, { role: 'boss' }],
      ['tickets/items', { filter: 'not json' }, { filter: 'not json' }],
    ];
    for (const [path, params, errors] of refusals) {
      const { status, body } = await call(path, params, 'POST');
      expect({ path, status, body }).toMatchObject({
        path,
        status: 200,
        body: { success: false, error: 'invalid', errormsg: expect.any(String), errors },
      });
    }

    const parent = await add('categories', { name: 'Delivery' });
    const child = await add('categories', { name: 'Documents', parent: parent.id! });
    expect(child.__parent).toBe('Delivery');
    expect((await call('categories/delete', { id: parent.id! }, 'POST')).body).toMatchObject({
      success: false,
      error: 'denied',
    });
    expect((await call('categories/delete', { id: child.id! }, 'POST')).body).toMatchObject({ data: true });
    expect((await call('categories/delete', { id: parent.id! }, 'POST')).body).toMatchObject({ data: true });
  });
});

describe('task24 simulator: directory objects', () => {
  it('keeps users with string flags, never shows the password, and counts their tickets in progress', async () => {
    const { add, save, items, ok } = await start();
    const user = await add('users', {
      name: 'Petrovich',
      phone: '+79294001122',
      password: 'secret',
      workerpercent: '60',
      properties: '{"categories":""}',
    });
    expect(user).toMatchObject({ state: 'draft', role: 'worker', workerpercent: '60', processingcount: '0' });
    expect(user.regdate).toMatch(LOCAL);
    expect(user).not.toHaveProperty('password');

    expect(await save('users', { id: user.id!, state: 'active' })).toMatchObject({
      state: 'active',
      name: 'Petrovich',
    });
    expect((await items('users', { state: 'active' })).rows.map((row) => row.name)).toEqual(['Petrovich']);
    expect((await items('users', { state: 'fired' })).rows).toEqual([]);

    await add('tickets', { subject: 'busy', state: 'processing', worker: user.id! });
    expect(((await ok('users/get', { id: user.id! }, 'GET')).data as Row).processingcount).toBe('1');
  });

  it('keeps clients, recomputing coordinates when the address changes', async () => {
    const { add, save, ok, call } = await start();
    const client = await add('clients', { name: 'Alliance', address: 'Ostapovsky 3', rank: 'vip' });
    expect(client).toMatchObject({ rank: 'vip', accessweb: '0', view: 'Alliance' });
    expect(Number(client.lat)).toBeGreaterThan(0);

    const moved = await save('clients', { id: client.id!, address: 'Pushkinskaya 213' });
    expect(moved.lat).not.toBe(client.lat);
    expect(moved.name).toBe('Alliance');

    await ok('clients/delete', { id: client.id! });
    expect((await call('clients/get', { id: client.id! })).body).toMatchObject({ success: false, error: 'invalid' });
  });
});

describe('task24 simulator: tickets', () => {
  it('adds a ticket with defaults, a sequential number, string amounts and display twins', async () => {
    const { add, getTicket } = await start();
    const category = await add('categories', { name: 'Washing machines' });
    const worker = await add('users', { name: 'Alexey' });
    const first = await add('tickets', {
      category: category.id!,
      worker: worker.id!,
      subject: 'Water problem',
      description: '<p>LG, does not drain</p>',
      date: '2026-02-10 10:35:27',
      plansum: '1500',
      sum: '2000',
      supplysum: '300',
    });
    expect(first).toMatchObject({
      number: '1',
      state: 'opened',
      priority: 'normal',
      acceptdate: null,
      enddate: null,
      plansum: '1500.00',
      amount: '0.0',
      total: '1700.00',
      view: '№1 от 10.02.26 10:35:27',
      __category: 'Washing machines',
      __worker: 'Alexey',
      __author: 'API',
    });
    expect(first.id).toMatch(UUID);
    expect(first.regdate).toMatch(LOCAL);

    const second = await add('tickets', { subject: 'second', date: '2026-02-11' });
    expect(second).toMatchObject({ number: '2', date: '2026-02-11 00:00:00', view: '№2 от 11.02.26 00:00:00' });
    expect(await getTicket(first.id!)).toMatchObject({ subject: 'Water problem', history: [] });
  });

  it('fills client fields from the directory by id and by phone, and overwrites them on an e-mail lookup', async () => {
    const { add } = await start();
    const client = await add('clients', {
      name: 'Alliance',
      phone: '620-69-30',
      email: 'office@alliance.test',
      address: 'Ostapovsky 3',
      rank: 'vip',
    });

    const byId = await add('tickets', { client: client.id!, contact: 'Marina' });
    expect(byId).toMatchObject({ name: 'Alliance', phone: '620-69-30', contact: 'Marina', clientrank: 'vip' });
    expect(byId.__client).toBe('Alliance');

    const byPhone = await add('tickets', { phone: '620-69-30', address: 'Gate 2' });
    expect(byPhone).toMatchObject({ client: client.id, name: 'Alliance', address: 'Gate 2' });

    const byEmail = await add('tickets', { email: 'office@alliance.test', name: 'Someone else' });
    expect(byEmail).toMatchObject({ client: client.id, name: 'Alliance', address: 'Ostapovsky 3' });

    const stranger = await add('tickets', { phone: '000', name: 'Walk-in' });
    expect(stranger).toMatchObject({ client: null, name: 'Walk-in', phone: '000' });
  });

  it('saves only the fields passed and stamps the state dates', async () => {
    const { add, save } = await start();
    const ticket = await add('tickets', { subject: 'keep me', state: 'distributing', priority: 'high' });

    const taken = await save('tickets', { id: ticket.id!, state: 'processing' });
    expect(taken).toMatchObject({ subject: 'keep me', priority: 'high', state: 'processing', enddate: null });
    expect(taken.acceptdate).toMatch(LOCAL);

    const done = await save('tickets', { id: ticket.id!, state: 'completed', enddate: '2026-03-01 18:00' });
    expect(done).toMatchObject({ state: 'completed', enddate: '2026-03-01 18:00:00', acceptdate: taken.acceptdate });
    expect(done.number).toBe(ticket.number);
  });

  it('records comments and state changes in the history, returned by get and left out of items', async () => {
    const { add, save, getTicket, items } = await start();
    const ticket = await add('tickets', { subject: 'history', comment: 'intercom broken' });
    await save('tickets', { id: ticket.id!, comment: 'Call before coming' });
    await save('tickets', { id: ticket.id!, state: 'distributing' });
    await save('tickets', { id: ticket.id!, state: 'cancelled', comment: 'Client changed their mind' });

    const { history } = await getTicket(ticket.id!);
    expect(history.map(({ type, text, state, owner }) => ({ type, text, state, owner }))).toEqual([
      { type: 'comment', text: 'intercom broken', state: undefined, owner: 'API' },
      { type: 'comment', text: 'Call before coming', state: undefined, owner: 'API' },
      { type: 'state', text: 'state: distributing', state: 'distributing', owner: 'API' },
      { type: 'state', text: 'Client changed their mind', state: 'cancelled', owner: 'API' },
    ]);
    for (const entry of history) {
      expect(entry.id).toMatch(UUID);
      expect(entry.view).toMatch(LOCAL);
    }
    expect(new Set(history.map((entry) => entry.id)).size).toBe(4);
    expect((await items('tickets', {})).rows[0]).not.toHaveProperty('history');
  });

  it('filters items by field values, with from/to on acceptdate, enddate or date as the state says', async () => {
    const { sim, add, items } = await start();
    const early = await add('tickets', { subject: 'early', state: 'distributing', date: '2026-11-01 10:00:00' });
    await add('tickets', { subject: 'late', state: 'distributing', date: '2026-11-20 18:30:00' });
    const done = await add('tickets', { subject: 'done', state: 'distributing', date: '2026-10-01 09:00:00' });
    await add('tickets', { subject: 'undated', state: 'distributing' });
    sim.worker.take(early.id!, new Date('2026-11-21T09:00:00Z')); // 12:00 in Moscow
    sim.worker.complete(done.id!, 'Fixed', new Date('2026-11-25T07:00:00Z'));

    const subjects = async (filter: object) => (await items('tickets', filter)).rows.map((row) => row.subject).sort();
    expect(await subjects({ state: 'processing', from: '2026-11-21 12:00:00' })).toEqual(['early']);
    expect(await subjects({ state: 'processing', from: '2026-11-21 12:00:01' })).toEqual([]);
    expect(await subjects({ state: 'processing', from: '2026-11-01', to: '2026-11-01' })).toEqual([]);
    expect(await subjects({ state: 'completed', from: '2026-11-25', to: '2026-11-25' })).toEqual(['done']);
    // A date-only `to` reaches the end of its day; the undated ticket never matches a window.
    expect(await subjects({ to: '2026-11-20' })).toEqual(['done', 'early', 'late']);
    expect(await subjects({ from: '2026-11-15', to: '2026-11-20 18:29:59' })).toEqual([]);
    expect(await subjects({ state: 'distributing', from: '2026-10-15' })).toEqual(['late']);
    expect(await subjects({ subject: 'undated' })).toEqual(['undated']);

    expect((await items('tickets', {})).stat).toEqual({
      all: 4,
      opened: 0,
      distributing: 2,
      processing: 1,
      completed: 1,
      cancelled: 0,
    });
    expect((await items('tickets', { state: 'distributing', from: '2026-11-15' })).stat).toMatchObject({
      all: 1,
      distributing: 1,
      processing: 0,
    });
  });

  it('answers writes in test mode as if done and stores nothing', async () => {
    const { sim, ok, add, getTicket, items } = await start();
    const real = await add('tickets', { subject: 'real' });

    const trial = (await ok('tickets/add', { subject: 'trial', comment: 'hello', testmode: '1' })).data as Row;
    expect(trial).toMatchObject({ subject: 'trial', state: 'opened', number: '2' });
    const saved = (await ok('tickets/save', { id: real.id!, state: 'completed', testmode: '1' })).data as Row;
    expect(saved).toMatchObject({ state: 'completed', enddate: expect.stringMatching(LOCAL) });
    expect((await ok('tickets/delete', { id: real.id!, testmode: '1' })).data).toBe(true);
    await ok('categories/add', { name: 'ghost', testmode: '1' });

    expect(sim.tickets().map((ticket) => ticket.subject)).toEqual(['real']);
    expect(await getTicket(real.id!)).toMatchObject({ state: 'opened', enddate: null, history: [] });
    expect((await items('categories', {})).rows).toEqual([]);
    expect((await add('tickets', { subject: 'next' })).number).toBe('2');
    expect(sim.stats.writes).toBe(2);
  });
});

describe('task24 simulator: worker control', () => {
  it('takes, comments, completes and cancels as the assigned worker, in the account time zone', async () => {
    const { sim, add, getTicket } = await start({ timeZone: 'Asia/Vladivostok' });
    const worker = await add('users', { name: 'Alexey' });
    const ticket = await add('tickets', { subject: 'fuser', state: 'distributing', worker: worker.id! });

    sim.worker.take(ticket.id!, new Date('2026-11-21T00:30:00Z'));
    sim.worker.comment(ticket.id!, 'On my way');
    sim.worker.complete(ticket.id!, 'Replaced the fuser', new Date('2026-11-21T03:00:00Z'));
    const done = await getTicket(ticket.id!);
    expect(done).toMatchObject({
      state: 'completed',
      acceptdate: '2026-11-21 10:30:00',
      enddate: '2026-11-21 13:00:00',
    });
    expect(done.history.map(({ type, text, state, owner }) => ({ type, text, state, owner }))).toEqual([
      { type: 'state', text: 'state: processing', state: 'processing', owner: 'Alexey' },
      { type: 'comment', text: 'On my way', state: undefined, owner: 'Alexey' },
      { type: 'state', text: 'Replaced the fuser', state: 'completed', owner: 'Alexey' },
    ]);

    const other = await add('tickets', { subject: 'refused' });
    sim.worker.cancel(other.id!, 'The client refused the visit');
    const copy = sim.tickets().find((candidate) => candidate.id === other.id)!;
    expect(copy.state).toBe('cancelled');
    expect(copy.history).toEqual([expect.objectContaining({ type: 'state', text: 'The client refused the visit' })]);
    copy.state = 'opened';
    expect((await getTicket(other.id!)).state).toBe('cancelled');
    expect(() => sim.worker.take('no-such-id')).toThrow(/no ticket/);
  });
});

describe('task24 simulator: faults', () => {
  it('answers 503 unapplied at failureRate 1', async () => {
    const { sim, call } = await start({ faults: { failureRate: 1 } });
    const { status, body } = await call('tickets/add', { subject: 'never' }, 'POST');
    expect(status).toBe(503);
    expect(body).toMatchObject({ success: false, error: 'unavailable' });
    expect(sim.tickets()).toEqual([]);
    expect(sim.stats).toMatchObject({ requests: 1, failed: 1, writes: 0 });

    sim.setFaults({});
    expect((await call('tickets/add', { subject: 'now' }, 'POST')).status).toBe(200);
  });

  it('applies a write and loses its answer at timeoutRate 1', async () => {
    const { sim } = await start({ faults: { timeoutRate: 1, hangMs: 5_000 } });
    const lost = fetch(`${sim.url}tickets/add`, {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN, subject: 'lost answer' }),
      signal: AbortSignal.timeout(300),
    });
    await expect(lost).rejects.toThrow();
    expect(sim.tickets().map((ticket) => ticket.subject)).toEqual(['lost answer']);
    expect(sim.stats).toMatchObject({ timedOut: 1, writes: 1 });
  });

  it('answers a held write once hangMs is over', async () => {
    const { sim, call } = await start({ faults: { timeoutRate: 1, hangMs: 200 } });
    const started = Date.now();
    const { body } = await call('tickets/add', { subject: 'slow' }, 'POST');
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(body).toMatchObject({ success: true, data: { subject: 'slow' } });
    expect(sim.tickets()).toHaveLength(1);
  });

  it('ends held answers on close, so nothing hangs', async () => {
    const sim = await startTask24Simulator({ tokens: [TOKEN], faults: { timeoutRate: 1, hangMs: 60_000 } });
    const pending = fetch(`${sim.url}tickets/add`, { method: 'POST', body: `token=${TOKEN}&subject=held` });
    await expect.poll(() => sim.stats.timedOut).toBe(1);
    const started = Date.now();
    await sim.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('answers 429 with Retry-After above the rate limit', async () => {
    const { sim, call } = await start({ faults: { rateLimitPerSecond: 2 } });
    const answers = await Promise.all([1, 2, 3].map(() => call('categories/items')));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
    const limited = answers.find((answer) => answer.status === 429)!;
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(sim.stats.rateLimited).toBe(1);
  });

  it('delays every answer by latencyMs', async () => {
    const { call } = await start({ faults: { latencyMs: 150 } });
    const started = Date.now();
    expect((await call('tickets/items')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('repeats the same fault pattern for the same seed', async () => {
    const pattern = async () => {
      const { call } = await start({ faults: { failureRate: 0.5, seed: 7 } });
      const statuses: number[] = [];
      for (let index = 0; index < 20; index += 1) statuses.push((await call('tickets/items')).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });
});
