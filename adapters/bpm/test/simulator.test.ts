import { afterEach, describe, expect, it } from 'vitest';
import { RATE_LIMITED, startBpmSimulator, type BpmSimulator, type BpmSimulatorOptions } from '../simulator/index.js';

const SERVICES = '/0/ssp/rest/PublicWebServices/';
const running: BpmSimulator[] = [];

async function start(options: BpmSimulatorOptions = {}) {
  const simulator = await startBpmSimulator(options);
  running.push(simulator);
  return simulator;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

type Json = Record<string, unknown>;

/** A minimal cookie-session client, the way the adapter will talk to the portal. */
class Client {
  cookies = new Map<string, string>();

  constructor(private readonly base: string) {}

  async login(body: Json = { login: 'demo', password: 'demo' }) {
    const response = await fetch(`${this.base}/ServiceModel/AuthService.svc/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ForceUseSession: 'true' },
      body: JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, body: (await response.json()) as Json };
  }

  headers(options: { cookies?: boolean; csrf?: boolean } = {}): Record<string, string> {
    const headers: Record<string, string> = {};
    if (options.cookies !== false) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    if (options.csrf !== false && this.cookies.has('BPMCSRF')) headers.BPMCSRF = this.cookies.get('BPMCSRF')!;
    return headers;
  }

  async call(method: string, body?: Json, options: { cookies?: boolean; csrf?: boolean } = {}) {
    const response = await fetch(`${this.base}${SERVICES}${method}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...this.headers(options), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async upload(number: string, filename: string, content: Buffer, totallength = content.length) {
    const query = new URLSearchParams({ filename, number, totallength: String(totallength) });
    const response = await fetch(`${this.base}${SERVICES}file?${query.toString()}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/octet-stream' },
      body: content,
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async create(subject: string, symptoms = 'Описание проблемы', priority?: number) {
    const { body } = await this.call('case', { subject, symptoms, ...(priority ? { priority } : {}) });
    expect(body).toMatchObject({ ok: true });
    return body.data as string;
  }

  async getCase(number: string) {
    const { body } = await this.call(`case/${encodeURIComponent(number)}`);
    expect(body.ok).toBe(true);
    return (body.data as Json[])[0]!;
  }
}

async function loggedIn(options: BpmSimulatorOptions = {}) {
  const simulator = await start(options);
  const client = new Client(simulator.url);
  const { body } = await client.login();
  expect(body.Code).toBe(0);
  return { simulator, client };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BPM simulator: login and session', () => {
  it('logs in with the seed field names and sets the three cookies', async () => {
    const simulator = await start();
    const client = new Client(simulator.url);
    const { status, body } = await client.login({ login: 'demo', password: 'demo' });
    expect(status).toBe(200);
    expect(body).toEqual({ Code: 0, Message: '', Exception: null, PasswordChangeUrl: null, RedirectUrl: null });
    expect([...client.cookies.keys()]).toEqual(expect.arrayContaining(['BPMLOADER', '.ASPXAUTH', 'BPMCSRF']));
    expect(simulator.stats.logins).toBe(1);
  });

  it('logs in with the Creatio field names too', async () => {
    const simulator = await start({ users: [{ login: 'ivanov', password: 's3cret' }] });
    const client = new Client(simulator.url);
    const { body } = await client.login({ UserName: 'ivanov', UserPassword: 's3cret' });
    expect(body.Code).toBe(0);
    expect((await client.call('cases', { availability_level: '0' })).body).toMatchObject({ ok: true, count: 0 });
  });

  it('answers a failed login with HTTP 200, Code 1 and no cookies', async () => {
    const simulator = await start();
    const client = new Client(simulator.url);
    const { status, body } = await client.login({ login: 'demo', password: 'wrong' });
    expect(status).toBe(200);
    expect(body.Code).toBe(1);
    expect(body.Message).toMatch(/invalid/i);
    expect(client.cookies.size).toBe(0);
    expect(simulator.stats).toMatchObject({ logins: 0, failedLogins: 1 });
  });

  it('accepts only the configured login field names', async () => {
    const simulator = await start({ loginFields: [{ login: 'UserName', password: 'UserPassword' }] });
    const client = new Client(simulator.url);
    expect((await client.login({ login: 'demo', password: 'demo' })).body.Code).toBe(1);
    expect((await client.login({ UserName: 'demo', UserPassword: 'demo' })).body.Code).toBe(0);
  });

  it('refuses requests without cookies (401) and without the CSRF header (403)', async () => {
    const { client } = await loggedIn();
    const noCookies = await client.call('cases', { availability_level: '1' }, { cookies: false });
    expect(noCookies.status).toBe(401);
    expect(noCookies.body.Message).toBe('Authentication failed.');
    const noCsrf = await client.call('case', { subject: 'x', symptoms: 'y' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    const wrongCsrf = await fetch(`${client['base']}${SERVICES}cases`, {
      method: 'POST',
      headers: { cookie: client.headers().cookie!, BPMCSRF: 'forged' },
      body: JSON.stringify({ availability_level: '1' }),
    });
    expect(wrongCsrf.status).toBe(403);
    expect((await client.call('cases', { availability_level: '1' })).status).toBe(200);
  });

  it('refuses a non-SSP route and an unknown method with 403', async () => {
    const { client } = await loggedIn();
    const response = await fetch(`${client['base']}/0/rest/PublicWebServices/cases`, {
      method: 'POST',
      headers: client.headers(),
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as Json).Message).toMatch(/non-SSP/);
    expect((await client.call('toString', {})).status).toBe(403);
    expect((await client.call('cases/extra', {})).status).toBe(403);
  });

  it('expires idle sessions after sessionTtlMs, and a new login works again', async () => {
    const { client } = await loggedIn({ switches: { sessionTtlMs: 150 } });
    expect((await client.call('cases', { availability_level: '1' })).status).toBe(200);
    await sleep(250);
    expect((await client.call('cases', { availability_level: '1' })).status).toBe(401);
    await client.login();
    expect((await client.call('cases', { availability_level: '1' })).status).toBe(200);
  });

  it('expireSessions() invalidates every current session at once', async () => {
    const { simulator, client } = await loggedIn();
    const other = new Client(simulator.url);
    await other.login();
    simulator.expireSessions();
    expect((await client.call('cases', { availability_level: '1' })).status).toBe(401);
    expect((await other.call('cases', { availability_level: '1' })).status).toBe(401);
  });
});

describe('BPM simulator: cases', () => {
  it('creates a case with a server-assigned number and returns it from get', async () => {
    const { simulator, client } = await loggedIn();
    const number = await client.create('[C-1] Касса', 'Не печатается чек', 4);
    expect(number).toMatch(/^SR\d{8}$/);
    const record = await client.getCase(number);
    expect(record).toMatchObject({
      number,
      subject: '[C-1] Касса',
      symptoms: 'Не печатается чек',
      priority: 4,
      statuscode: 4,
      status: 'Открыто',
      solution: '',
      messages: [],
      files: [],
    });
    expect(typeof record.id).toBe('string');
    expect(Date.parse(record.createdon as string)).not.toBeNaN();
    expect(simulator.cases()).toHaveLength(1);
    expect(simulator.cases()[0]!.owner).toBe('demo');
  });

  it('refuses an invalid create and an unknown case number', async () => {
    const { simulator, client } = await loggedIn();
    const invalid = await client.call('case', { subject: '' });
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.error).toMatch(/subject/);
    const missing = await client.call('case/SR99999999');
    expect(missing.body).toEqual({ ok: false, error: 'Case not found' });
    expect(simulator.cases()).toHaveLength(0);
  });

  it('adds a comment, returns its id and bumps modifiedon', async () => {
    const { client } = await loggedIn();
    const number = await client.create('Тема');
    const before = await client.getCase(number);
    const { body } = await client.call('message', { number, text: 'Дополнительная информация' });
    expect(body.ok).toBe(true);
    expect(typeof body.data).toBe('string');
    const after = await client.getCase(number);
    expect(after.messages).toEqual([
      expect.objectContaining({ id: body.data, text: 'Дополнительная информация', direction: 'participant' }),
    ]);
    expect(Date.parse(after.modifiedon as string)).toBeGreaterThan(Date.parse(before.modifiedon as string));
  });

  it('takes a file as raw bytes with query parameters, lists it and serves it back', async () => {
    const { simulator, client } = await loggedIn();
    const number = await client.create('Скриншот');
    const content = Buffer.from('PNG…bytes');
    const { body } = await client.upload(number, 'экран 1.png', content);
    expect(body).toEqual({ ok: true });
    const record = await client.getCase(number);
    const files = record.files as Json[];
    expect(files).toEqual([expect.objectContaining({ name: 'экран 1.png', size: content.length })]);
    const download = await fetch(files[0]!.url as string, { headers: client.headers() });
    expect(Buffer.from(await download.arrayBuffer())).toEqual(content);
    expect(simulator.cases()[0]!.files[0]!.content).toEqual(content);

    expect((await client.upload(number, 'empty.txt', Buffer.alloc(0))).body).toEqual({
      ok: false,
      error_message: 'File not found',
    });
    expect((await client.upload(number, 'short.txt', content, 3)).body.ok).toBe(false);
    expect((await client.upload('SR99999999', 'a.txt', content)).body.error_message).toBe('Case not found');
  });

  it('closes a case, refuses reopen without a solution, reopens after a solution, takes a rating', async () => {
    const { client, simulator } = await loggedIn();
    const number = await client.create('Жизненный цикл');

    const earlyReopen = await client.call('update_case', { number, status: 'reopen' });
    expect(earlyReopen.body).toMatchObject({ data: number, error: expect.stringMatching(/Reopen/) });

    simulator.specialist.setStatus(number, 1, 'Перезагрузите кассу');
    const reopened = await client.call('update_case', { number, status: 'reopen', statuscode: 1 });
    expect(reopened.body).toEqual({ data: number });
    expect(await client.getCase(number)).toMatchObject({ statuscode: 6, status: 'Переоткрыто' });

    simulator.specialist.setStatus(number, 1, 'Обновите прошивку');
    const closed = await client.call('update_case', {
      number,
      status: 'close',
      satisfactionlevel: 5,
      satisfactioncomment: 'Спасибо',
    });
    expect(closed.body).toEqual({ data: number });
    expect(await client.getCase(number)).toMatchObject({
      statuscode: 5,
      status: 'Закрыто',
      satisfactionlevel: 5,
      satisfactioncomment: 'Спасибо',
      solution: 'Обновите прошивку',
    });
    expect((await client.call('update_case', { number, status: 'close' })).body.error).toBe('Case is already closed');
  });

  it('shows specialist status changes and messages through the API', async () => {
    const { client, simulator } = await loggedIn();
    const number = await client.create('Вопрос');
    simulator.specialist.setStatus(number, 3);
    simulator.specialist.addMessage(number, 'Взяли в работу');
    const record = await client.getCase(number);
    expect(record).toMatchObject({ statuscode: 3, status: 'В работе' });
    expect(record.messages).toEqual([expect.objectContaining({ text: 'Взяли в работу', direction: 'support' })]);
    expect(Date.parse(record.statusdate as string)).toBeGreaterThanOrEqual(Date.parse(record.createdon as string));
    expect(() => simulator.specialist.setStatus('SR99999999', 3)).toThrow();
  });
});

describe('BPM simulator: list with conditions', () => {
  it('requires at least one parameter', async () => {
    const { client } = await loggedIn();
    expect((await client.call('cases', {})).body).toEqual({
      ok: false,
      error: 'At least one parameter must be filled',
    });
  });

  it('filters by numbers (array or a bare value), search_line and statuscode; pages with count/skip', async () => {
    const { client, simulator } = await loggedIn();
    const a = await client.create('[C-10] Касса', 'чек');
    const b = await client.create('[C-11] Сканер', 'не читает код маркировки');
    const c = await client.create('[C-12] Принтер', 'этикетки');
    simulator.specialist.setStatus(c, 3);

    const byArray = await client.call('cases', { numbers: [a, c] });
    expect(byArray.body).toMatchObject({ ok: true, count: 2, pagecount: 2 });
    expect((byArray.body.data as Json[]).map((item) => item.number)).toEqual([a, c]);

    const bare = await client.call('cases', { numbers: b });
    expect((bare.body.data as Json[]).map((item) => item.number)).toEqual([b]);

    const search = await client.call('cases', { search_line: 'МАРКИРОВКИ' });
    expect((search.body.data as Json[]).map((item) => item.number)).toEqual([b]);
    const bySubject = await client.call('cases', { search_line: '[C-12]' });
    expect((bySubject.body.data as Json[]).map((item) => item.number)).toEqual([c]);

    const inWork = await client.call('cases', { statuscode: 3 });
    expect((inWork.body.data as Json[]).map((item) => item.number)).toEqual([c]);

    const page = await client.call('cases', { count: 2, skip: '1' });
    expect(page.body).toMatchObject({ count: 2, pagecount: 3 });
    expect((page.body.data as Json[]).map((item) => item.number)).toEqual([b, c]);
  });

  it('sorts by modifiedon, newest change first, and returns messages as a JSON string', async () => {
    const { client, simulator } = await loggedIn();
    const a = await client.create('Первое');
    const b = await client.create('Второе');
    const c = await client.create('Третье');
    await client.call('message', { number: a, text: 'ещё' });
    simulator.specialist.addMessage(b, 'ответ');

    const { body } = await client.call('cases', { sort: 'modifiedon', availability_level: '0' });
    const data = body.data as Json[];
    expect(data.map((item) => item.number)).toEqual([b, a, c]);
    expect(typeof data[0]!.messages).toBe('string');
    expect(JSON.parse(data[0]!.messages as string)).toEqual([expect.objectContaining({ text: 'ответ' })]);
  });

  it('filters on the creation date with from/to and own cases with availability_level 0', async () => {
    const simulator = await start({
      users: [
        { login: 'demo', password: 'demo' },
        { login: 'other', password: 'other' },
      ],
    });
    const demo = new Client(simulator.url);
    await demo.login();
    const other = new Client(simulator.url);
    await other.login({ login: 'other', password: 'other' });
    const mine = await demo.create('Моё');
    const theirs = await other.create('Чужое');

    const own = await demo.call('cases', { availability_level: '0' });
    expect((own.body.data as Json[]).map((item) => item.number)).toEqual([mine]);
    const all = await demo.call('cases', { availability_level: 1 });
    expect((all.body.data as Json[]).map((item) => item.number)).toEqual([mine, theirs]);

    const future = await demo.call('cases', { from: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.body).toMatchObject({ ok: true, count: 0 });
    const past = await demo.call('cases', { to: '01.01.2020 00:00:00' });
    expect(past.body).toMatchObject({ ok: true, count: 0 });
    const today = await demo.call('cases', { from: '2020-01-01', to: new Date(Date.now() + 60_000).toISOString() });
    expect(today.body).toMatchObject({ count: 2 });
    expect((await demo.call('cases', { from: 'yesterday' })).body.ok).toBe(false);
  });
});

describe('BPM simulator: limits and failures', () => {
  it('answers the per-minute limit error above perMinuteLimit, in each method’s envelope', async () => {
    const { client, simulator } = await loggedIn({ switches: { perMinuteLimit: 3 } });
    const number = await client.create('Лимит');
    await client.getCase(number);
    await client.call('cases', { numbers: number });
    const limited = await client.call('cases', { numbers: number });
    expect(limited.body).toEqual({ ok: false, error: RATE_LIMITED });
    expect((await client.upload(number, 'a.txt', Buffer.from('a'))).body).toEqual({
      ok: false,
      error_message: RATE_LIMITED,
    });
    expect(simulator.stats.rateLimited).toBe(2);
    simulator.set({ perMinuteLimit: undefined });
    expect((await client.call('cases', { numbers: number })).body.ok).toBe(true);
  });

  it('with failureRate 1 answers 503 and stores nothing', async () => {
    const { client, simulator } = await loggedIn();
    simulator.set({ failureRate: 1 });
    const { status } = await client.call('case', { subject: 'Не дойдёт', symptoms: 'x' });
    expect(status).toBe(503);
    expect((await client.login()).status).toBe(503);
    expect(simulator.cases()).toHaveLength(0);
    expect(simulator.stats.failed).toBe(2);
    simulator.set({ failureRate: 0 });
    expect(await client.create('Дойдёт')).toMatch(/^SR/);
  });

  it('repeats the same failure pattern for the same seed', async () => {
    const pattern = async () => {
      const { client, simulator } = await loggedIn();
      simulator.set({ failureRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await client.call('cases', { count: 1 })).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it('delays answers by latencyMs', async () => {
    const { client, simulator } = await loggedIn();
    simulator.set({ latencyMs: 120 });
    const started = Date.now();
    await client.call('cases', { count: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
  });
});
