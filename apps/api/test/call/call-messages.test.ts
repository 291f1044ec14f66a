import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

describe('messages: E9 dispatcher message, E11 user message', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('msg-owner');
    stranger = await api.createUser('msg-stranger');
  });
  afterAll(() => api?.close());

  const dispatcherMessage = (callId: number, payload: unknown) =>
    api.app.inject({
      method: 'POST',
      url: `/call/${callId}/dispatcher/message`,
      headers: api.dispatch,
      payload: payload as object,
    });
  const userMessage = (callId: number, payload: unknown, user = owner) =>
    api.app.inject({
      method: 'POST',
      url: `/call/${callId}/message`,
      headers: user.headers,
      payload: payload as object,
    });
  const closeCall = async (callId: number) => {
    await api.db.call.update({ where: { id: BigInt(callId) }, data: { status: 'Closed' } });
  };

  it('E9 stores an ownerless message with the given date, notifies the owner and records the outbox', async () => {
    const call = await api.createCall(owner.id);
    const response = await dispatcherMessage(call.id, { date: '2026-11-22T12:30:00Z', message: 'Bring a ladder' });
    expect(response.statusCode).toBe(200);
    const { id } = response.json<{ id: number }>();
    const saved = await api.db.callMessage.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(saved).toMatchObject({ ownerId: null, message: 'Bring a ladder', callId: BigInt(call.id) });
    expect(saved.date.toISOString()).toBe('2026-11-22T12:30:00.000Z');
    expect(saved.timestamp).toBeGreaterThan(0n);
    const notification = await api.db.notification.findFirst({
      where: { userId: BigInt(owner.id), kind: 'call.dispatcher-message', callId: BigInt(call.id) },
    });
    expect(notification).not.toBeNull();
    const outbox = await api.db.outboxEntry.findFirst({ where: { topic: 'message.created', entityId: BigInt(id) } });
    expect(outbox?.callId).toBe(BigInt(call.id));
  });

  it('E9 answers 400 for a missing date, an over-long or empty message; 404 unknown; 409 Closed; 401', async () => {
    const call = await api.createCall(owner.id);
    const missingDate = await dispatcherMessage(call.id, { message: 'x' });
    expect(missingDate.statusCode).toBe(400);
    expect(missingDate.json<{ message: string }>().message).toMatch(/date/);
    const tooLong = await dispatcherMessage(call.id, { date: '2026-11-22T12:30:00Z', message: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<{ message: string }>().message).toMatch(/message/);
    expect((await dispatcherMessage(call.id, { date: '2026-11-22T12:30:00Z', message: '  ' })).statusCode).toBe(400);
    expect((await dispatcherMessage(999999, { date: '2026-11-22T12:30:00Z', message: 'x' })).statusCode).toBe(404);
    await closeCall(call.id);
    expect((await dispatcherMessage(call.id, { date: '2026-11-22T12:30:00Z', message: 'x' })).statusCode).toBe(409);
    const wrongScheme = await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: owner.headers,
      payload: { date: '2026-11-22T12:30:00Z', message: 'x' },
    });
    expect(wrongScheme.statusCode).toBe(401);
  });

  it('E11 stores the caller’s message and answers it in the CallMessageDTO shape, no secrets', async () => {
    const call = await api.createCall(owner.id);
    const before = Date.now();
    const response = await userMessage(call.id, { message: 'On my way' });
    expect(response.statusCode).toBe(200);
    const body = response.json<Record<string, unknown>>();
    expect(body).toMatchObject({
      callId: call.id,
      message: 'On my way',
      owner: { id: owner.id, name: owner.name },
      timestamp: expect.any(Number),
    });
    expect(Object.keys(body.owner as object).sort()).toEqual(['id', 'name']);
    expect(Date.parse(body.date as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(
      await api.db.outboxEntry.count({ where: { topic: 'message.created', entityId: BigInt(body.id as number) } }),
    ).toBe(1);
  });

  it('E11 answers 400 empty, 403 another user’s call, 404 unknown, 409 Closed, 401 with a dispatch key', async () => {
    const call = await api.createCall(owner.id);
    expect((await userMessage(call.id, {})).statusCode).toBe(400);
    expect((await userMessage(call.id, { message: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await userMessage(call.id, { message: 'hi' }, stranger)).statusCode).toBe(403);
    expect((await userMessage(999999, { message: 'hi' })).statusCode).toBe(404);
    const withKey = await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/message`,
      headers: api.dispatch,
      payload: { message: 'hi' },
    });
    expect(withKey.statusCode).toBe(401);
    await closeCall(call.id);
    expect((await userMessage(call.id, { message: 'hi' })).statusCode).toBe(409);
    expect(await api.db.callMessage.count({ where: { callId: BigInt(call.id) } })).toBe(0);
  });
});
