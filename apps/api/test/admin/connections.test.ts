import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { probeAdapter } from '../support/probe-adapter.js';

const ADMIN_KEY = 'admin-key-for-connection-tests';
const TOKEN = 'probe-token-s3cr3t';

describe('admin API: connections', () => {
  let api: ApiHarness;
  let systemUrl: string;
  let closeSystem: () => void;

  beforeAll(async () => {
    api = await startApiHarness(
      { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: `k1:${randomBytes(32).toString('base64')}` },
      { adapters: [probeAdapter] },
    );
    const system = createServer((request, response) => {
      const ok = new URL(request.url ?? '/', 'http://x').searchParams.get('token') === TOKEN;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(ok ? '"pong"' : '{}');
    });
    await new Promise<void>((resolve) => system.listen(0, '127.0.0.1', resolve));
    systemUrl = `http://127.0.0.1:${(system.address() as AddressInfo).port}`;
    closeSystem = () => system.close();
  });
  afterAll(async () => {
    closeSystem?.();
    await api?.close();
  });

  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, key = ADMIN_KEY) =>
    payload === undefined
      ? api.app.inject({ method, url, headers: { authorization: `Bearer ${key}` } })
      : api.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, payload });
  const validInput = (name: string) => ({
    adapter: 'probe',
    name,
    baseUrl: systemUrl,
    credentials: { token: TOKEN },
    settings: { category: 'printers', dryRun: true },
    filter: { ownerIds: [1, 2] },
    schedule: { pollIntervalMs: 5_000 },
  });

  it('adds a connection whose credentials are stored encrypted and only ever shown masked', async () => {
    const created = await admin('POST', '/admin/connections', validInput('probe-1'));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();

    const row = await api.db.connection.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.credentialsCipher).toString('utf8')).not.toContain(TOKEN);
    expect(row.credentialsKeyId).toBe('k1');

    for (const response of [await admin('GET', `/admin/connections/${id}`), await admin('GET', '/admin/connections')]) {
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(TOKEN);
      expect(response.body).toContain('"token":"********"');
    }
    expect((await admin('GET', `/admin/connections/${id}`)).json()).toMatchObject({
      adapter: 'probe',
      name: 'probe-1',
      settings: { category: 'printers', dryRun: true },
      filter: { ownerIds: [1, 2] },
      schedule: { pollIntervalMs: 5_000 },
      enabled: true,
    });
  });

  it('tests the credentials through the adapter and a real server: ok, then not ok after a credential change', async () => {
    const { id } = (await admin('POST', '/admin/connections', validInput('probe-2'))).json<{ id: string }>();
    expect((await admin('POST', `/admin/connections/${id}/test`)).json()).toEqual({ ok: true, detail: '"pong"' });

    const patched = await admin('PATCH', `/admin/connections/${id}`, { credentials: { token: 'wrong-token-1' } });
    expect(patched.statusCode).toBe(200);
    const failed = (await admin('POST', `/admin/connections/${id}/test`)).json<{ ok: boolean; reason: string }>();
    expect(failed.ok).toBe(false);
    expect(failed.reason).toMatch(/401/);
    expect(failed.reason).not.toContain('wrong-token-1');
  });

  it('refuses unknown adapters, bad credentials or settings with 400, duplicate names with 409', async () => {
    const bad = async (payload: object, pattern: RegExp) => {
      const response = await admin('POST', '/admin/connections', payload);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(pattern);
    };
    await bad({ ...validInput('x1'), adapter: 'nosuch' }, /unknown adapter "nosuch"/);
    await bad({ ...validInput('x2'), credentials: { token: 'short' } }, /credentials: token/);
    await bad({ ...validInput('x3'), settings: { colour: 'red' } }, /invalid settings/);
    await bad({ ...validInput('x4'), baseUrl: 'ftp://host' }, /baseUrl/);
    await bad({ ...validInput('x5'), schedule: { pollIntervalMs: 10 } }, /pollIntervalMs/);
    await admin('POST', '/admin/connections', validInput('twin'));
    expect((await admin('POST', '/admin/connections', validInput('twin'))).statusCode).toBe(409);
  });

  it('deletes, lists runs, answers 404 for unknown ids and 401 without the admin key', async () => {
    const { id } = (await admin('POST', '/admin/connections', validInput('probe-3'))).json<{ id: string }>();
    await api.db.syncRun.create({
      data: { connectionId: id, kind: 'pull', status: 'succeeded', stats: { applied: 2 } },
    });
    const runs = await admin('GET', `/admin/connections/${id}/runs`);
    expect(runs.json()).toEqual([
      expect.objectContaining({ kind: 'pull', status: 'succeeded', stats: { applied: 2 } }),
    ]);
    expect((await admin('DELETE', `/admin/connections/${id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/admin/connections/${id}`)).statusCode).toBe(404);
    expect((await admin('DELETE', `/admin/connections/${id}`)).statusCode).toBe(404);
    expect((await admin('GET', `/admin/connections/${id}/runs`)).statusCode).toBe(404);
    expect((await admin('POST', `/admin/connections/${id}/test`)).statusCode).toBe(404);
    expect((await admin('GET', '/admin/connections/not-a-uuid')).statusCode).toBe(400);
    expect((await admin('GET', '/admin/connections', undefined, 'wrong-admin-key-123')).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/admin/connections', headers: api.dispatch })).statusCode).toBe(
      401,
    );
  });
});
