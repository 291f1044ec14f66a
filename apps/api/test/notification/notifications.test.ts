import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

describe('notifications: GET /notification, E32 read, E31 readAll; E38 system settings', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('notified');
    other = await api.createUser('other');
  });
  afterAll(() => api?.close());

  const list = (query = '', user = owner) =>
    api.app.inject({ method: 'GET', url: `/notification${query}`, headers: user.headers });
  const post = (url: string, user = owner) => api.app.inject({ method: 'POST', url, headers: user.headers });

  it('lists the owner’s notifications newest first, pages them, and marks them read one by one or all', async () => {
    const first = await api.createCall(owner.id);
    const second = await api.createCall(owner.id);
    await api.app.inject({
      method: 'POST',
      url: `/call/${second.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T08:00:00Z', message: 'hello' },
    });
    const all = (await list()).json<{ id: number; callId: number; kind: string; read: boolean }[]>();
    expect(all.map((n) => [n.kind, n.callId])).toEqual([
      ['call.dispatcher-message', second.id],
      ['call.assigned', second.id],
      ['call.assigned', first.id],
    ]);
    const page = (await list(`?limit=2&before=${all[0]!.id}`)).json<{ id: number }[]>();
    expect(page.map((n) => n.id)).toEqual([all[1]!.id, all[2]!.id]);

    const read = await post(`/notification/${all[0]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toBe(all[0]!.id);
    expect((await post(`/notification/${all[0]!.id}/read`)).statusCode).toBe(200);
    expect((await list('?unread=true')).json<unknown[]>()).toHaveLength(2);

    const readAll = await post('/notification/readAll');
    expect(readAll.json()).toBe(2);
    expect((await post('/notification/readAll')).json()).toBe(0);
    expect((await list('?unread=true')).json<unknown[]>()).toHaveLength(0);
    expect((await list('', other)).json<unknown[]>()).toHaveLength(0);
  });

  it('E32 answers 403 for another user’s notification and 404 for an unknown one; 401 with a dispatch key', async () => {
    await api.createCall(owner.id);
    const [mine] = (await list()).json<{ id: number }[]>();
    expect((await post(`/notification/${mine!.id}/read`, other)).statusCode).toBe(403);
    expect((await post('/notification/999999/read')).statusCode).toBe(404);
    const withKey = await api.app.inject({ method: 'POST', url: '/notification/readAll', headers: api.dispatch });
    expect(withKey.statusCode).toBe(401);
    expect((await list('?limit=0')).statusCode).toBe(400);
  });

  it('E38 sets callCostDeadlineDayOfMonth within 1–28 and rejects anything else', async () => {
    const patch = (payload: object) =>
      api.app.inject({ method: 'PATCH', url: '/systemSettings', headers: api.dispatch, payload });
    expect((await patch({ callCostDeadlineDayOfMonth: 28 })).statusCode).toBe(204);
    expect((await api.db.systemSettings.findUniqueOrThrow({ where: { id: 1 } })).callCostDeadlineDayOfMonth).toBe(28);
    for (const value of [0, 29, 1.5, '10']) {
      const response = await patch({ callCostDeadlineDayOfMonth: value });
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(/callCostDeadlineDayOfMonth/);
    }
    expect((await patch({})).statusCode).toBe(204);
    expect((await api.db.systemSettings.findUniqueOrThrow({ where: { id: 1 } })).callCostDeadlineDayOfMonth).toBe(28);
    const asUser = await api.app.inject({
      method: 'PATCH',
      url: '/systemSettings',
      headers: owner.headers,
      payload: { callCostDeadlineDayOfMonth: 3 },
    });
    expect(asUser.statusCode).toBe(401);
  });
});
