import { resolveTempLink } from '@callbridge/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

describe('call lifecycle: E5 templink, E6 get, E7 patch, E8 close, E12 status', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('owner');
    stranger = await api.createUser('stranger');
  });
  afterAll(() => api?.close());

  const post = (url: string, headers: Record<string, string>, payload?: object) =>
    payload === undefined
      ? api.app.inject({ method: 'POST', url, headers })
      : api.app.inject({ method: 'POST', url, headers, payload });
  const setStatus = (callId: number, status: string, comments?: string, user = owner) =>
    post(`/call/${callId}/status`, user.headers, { status, ...(comments === undefined ? {} : { comments }) });

  describe('E6 GET /call/{id}', () => {
    it('returns the CallDTO with tasks, items and no jeopardies yet', async () => {
      const created = await api.createCall(owner.id);
      const response = await api.app.inject({ method: 'GET', url: `/call/${created.id}`, headers: api.dispatch });
      expect(response.statusCode).toBe(200);
      const call = response.json<Record<string, unknown>>();
      expect(call).toMatchObject({
        id: created.id,
        number: created.number,
        status: 'New',
        userId: owner.id,
        clientName: 'ACME Ltd',
        created: '2026-11-22T10:00:00.000Z',
        critical: false,
        contactPersonEmail: 'jane@example.com',
        serviceObjectType: 'Printer',
        ttf: '2026-11-25T10:00:00.000Z',
        tto: '2026-11-23T10:00:00.000Z',
        commited: null,
        finished: null,
        jeopardies: [],
        tasks: [
          { id: created.tasks[0]!.id, title: 'Inspect', status: 'New', result: null },
          { id: created.tasks[1]!.id, title: 'Repair', status: 'New', result: null },
        ],
      });
      expect(call.availableExpenditureItems).toEqual([
        { id: expect.any(Number), name: 'Travel' },
        { id: expect.any(Number), name: 'Parking' },
      ]);
      expect(call.timestamp).toBeGreaterThan(0);
      expect(call).not.toHaveProperty('tempLinkId');
    });

    it('answers 404 for an unknown call, 400 for a non-numeric id, 401 for a user token', async () => {
      expect((await api.app.inject({ method: 'GET', url: '/call/999999', headers: api.dispatch })).statusCode).toBe(
        404,
      );
      const bad = await api.app.inject({ method: 'GET', url: '/call/abc', headers: api.dispatch });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ message: string }>().message).toMatch(/id/);
      expect((await api.app.inject({ method: 'GET', url: '/call/1', headers: owner.headers })).statusCode).toBe(401);
    });
  });

  describe('E7 PATCH /call/{id}', () => {
    it('moves ttf and tto, keeps absent fields, returns the id and gives a new timestamp', async () => {
      const created = await api.createCall(owner.id);
      const before = await api.db.call.findUniqueOrThrow({ where: { id: BigInt(created.id) } });
      const response = await api.app.inject({
        method: 'PATCH',
        url: `/call/${created.id}`,
        headers: api.dispatch,
        payload: { ttf: '2026-12-01T08:00:00+03:00' },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toBe(created.id);
      const after = await api.db.call.findUniqueOrThrow({ where: { id: BigInt(created.id) } });
      expect(after.timeToFix?.toISOString()).toBe('2026-12-01T05:00:00.000Z');
      expect(after.timeToObject).toEqual(before.timeToObject);
      expect(after.timestamp).toBeGreaterThan(before.timestamp);
      const outbox = await api.db.outboxEntry.findMany({ where: { callId: after.id, topic: 'call.changed' } });
      expect(outbox).toHaveLength(1);
    });

    it('rejects other fields and bad dates with 400, unknown calls with 404', async () => {
      const created = await api.createCall(owner.id);
      const patch = (url: string, payload: unknown) =>
        api.app.inject({ method: 'PATCH', url, headers: api.dispatch, payload: payload as object });
      const unknownField = await patch(`/call/${created.id}`, { status: 'Closed' });
      expect(unknownField.statusCode).toBe(400);
      expect(unknownField.json<{ message: string }>().message).toMatch(/status/);
      const badDate = await patch(`/call/${created.id}`, { tto: 'tomorrow' });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json<{ message: string }>().message).toMatch(/tto/);
      expect((await patch('/call/999999', { tto: '2026-12-01T00:00:00Z' })).statusCode).toBe(404);
    });
  });

  describe('E12 POST /call/{id}/status', () => {
    it('accepts a New call, then completes it with a comment', async () => {
      const created = await api.createCall(owner.id);
      const accepted = await setStatus(created.id, 'Committed');
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json()).toMatchObject({ commited: expect.any(String), finished: null });

      const done = await setStatus(created.id, 'Done', 'Replaced the fuser');
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ commited: accepted.json<{ commited: string }>().commited });
      const call = await api.db.call.findUniqueOrThrow({ where: { id: BigInt(created.id) } });
      expect(call.status).toBe('Done');
      expect(call.comments).toBe('Replaced the fuser');
      expect(call.finished).not.toBeNull();
      const topics = await api.db.outboxEntry.findMany({ where: { callId: call.id, topic: 'call.status' } });
      expect(topics.map((entry) => entry.payload)).toEqual([
        { from: 'New', to: 'Committed' },
        { from: 'Committed', to: 'Done' },
      ]);
    });

    it('needs a non-empty comment for Done (400 code 6)', async () => {
      const created = await api.createCall(owner.id);
      await setStatus(created.id, 'Committed');
      for (const comments of [undefined, '', '   ']) {
        const response = await setStatus(created.id, 'Done', comments);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ errorCode: 6 });
      }
    });

    it('answers 409 for every other target and leaves the call as it was', async () => {
      const created = await api.createCall(owner.id);
      for (const status of ['New', 'Done', 'Closed']) {
        expect((await setStatus(created.id, status, 'x')).statusCode).toBe(409);
      }
      await setStatus(created.id, 'Committed');
      for (const status of ['New', 'Committed', 'Closed']) {
        expect((await setStatus(created.id, status, 'x')).statusCode).toBe(409);
      }
      expect((await api.db.call.findUniqueOrThrow({ where: { id: BigInt(created.id) } })).status).toBe('Committed');
    });

    it('answers 400 for an unknown status, 403 for another user’s call, 404 for an unknown call', async () => {
      const created = await api.createCall(owner.id);
      expect((await setStatus(created.id, 'Accepted')).statusCode).toBe(400);
      const foreign = await setStatus(created.id, 'Committed', undefined, stranger);
      expect(foreign.statusCode).toBe(403);
      expect((await setStatus(999999, 'Committed')).statusCode).toBe(404);
      expect((await post(`/call/${created.id}/status`, api.dispatch, { status: 'Committed' })).statusCode).toBe(401);
    });

    it('lets only one of two simultaneous acceptances through', async () => {
      const created = await api.createCall(owner.id);
      const results = await Promise.all([setStatus(created.id, 'Committed'), setStatus(created.id, 'Committed')]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(await api.db.outboxEntry.count({ where: { callId: BigInt(created.id), topic: 'call.status' } })).toBe(1);
    });
  });

  describe('E8 POST /call/{id}/close', () => {
    it('closes only a Done call, notifies the owner, and answers 409 otherwise', async () => {
      const created = await api.createCall(owner.id);
      const close = () => post(`/call/${created.id}/close`, api.dispatch);
      expect((await close()).statusCode).toBe(409);
      await setStatus(created.id, 'Committed');
      expect((await close()).statusCode).toBe(409);
      await setStatus(created.id, 'Done', 'fixed');
      const closed = await close();
      expect(closed.statusCode).toBe(204);
      expect(closed.body).toBe('');
      expect((await close()).statusCode).toBe(409);
      const notifications = await api.db.notification.findMany({
        where: { callId: BigInt(created.id), kind: 'call.closed' },
      });
      expect(notifications).toHaveLength(1);
    });

    it('answers 404 for an unknown call and 401 without a key, even with a JSON content type', async () => {
      const unknown = await api.app.inject({
        method: 'POST',
        url: '/call/999999/close',
        headers: { ...api.dispatch, 'content-type': 'application/json' },
      });
      expect(unknown.statusCode).toBe(404);
      expect((await post('/call/1/close', {})).statusCode).toBe(401);
    });
  });

  describe('E5 POST /call/{callId}/templink', () => {
    it('issues a token only for a Committed call; a new link replaces the old one', async () => {
      const created = await api.createCall(owner.id);
      const link = () => post(`/call/${created.id}/templink`, owner.headers);
      expect((await link()).statusCode).toBe(409);
      await setStatus(created.id, 'Committed');
      const first = await link();
      expect(first.statusCode).toBe(200);
      const firstToken = first.json<string>();
      expect(await resolveTempLink(api.db, firstToken)).toMatchObject({ ok: true });

      const secondToken = (await link()).json<string>();
      expect(secondToken).not.toBe(firstToken);
      expect(await resolveTempLink(api.db, firstToken)).toEqual({ ok: false, reason: 'replaced' });
      expect(await resolveTempLink(api.db, secondToken)).toMatchObject({ ok: true });

      await setStatus(created.id, 'Done', 'fixed');
      expect((await link()).statusCode).toBe(409);
    });

    it('answers 403 for another user’s call, 404 for an unknown one, 401 with a dispatch key', async () => {
      const created = await api.createCall(owner.id);
      expect((await post(`/call/${created.id}/templink`, stranger.headers)).statusCode).toBe(403);
      expect((await post('/call/999999/templink', owner.headers)).statusCode).toBe(404);
      expect((await post(`/call/${created.id}/templink`, api.dispatch)).statusCode).toBe(401);
    });
  });
});
