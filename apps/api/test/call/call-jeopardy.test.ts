import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

describe('jeopardies: E10 set (contractor), E13 unset (dispatch centre)', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('risk-owner');
    stranger = await api.createUser('risk-stranger');
  });
  afterAll(() => api?.close());

  const raise = (callId: number, payload: unknown, headers: Record<string, string> = owner.headers) =>
    api.app.inject({ method: 'POST', url: `/call/${callId}/jeopardy`, headers, payload: payload as object });
  const answer = (callId: number, payload: unknown, headers: Record<string, string> = api.dispatch) =>
    api.app.inject({ method: 'POST', url: `/call/${callId}/unjeopardy`, headers, payload: payload as object });
  const callRow = (callId: number) => api.db.call.findUniqueOrThrow({ where: { id: BigInt(callId) } });

  it('raises a jeopardy, refuses a second one while open, then the dispatcher answers it', async () => {
    const call = await api.createCall(owner.id);
    const stampBefore = (await callRow(call.id)).timestamp;
    const raised = await raise(call.id, { comment: 'No spare parts' });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ id: expect.any(Number), date: expect.any(String) });
    const flagged = await callRow(call.id);
    expect(flagged.isJeopardy).toBe(true);
    expect(flagged.timestamp).toBeGreaterThan(stampBefore);

    expect((await raise(call.id, { comment: 'Still none' })).statusCode).toBe(409);

    const answered = await answer(call.id, { answerComment: 'Parts ship tomorrow' });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ answerDate: expect.any(String) });
    expect((await callRow(call.id)).isJeopardy).toBe(false);
    expect(
      await api.db.notification.count({ where: { callId: BigInt(call.id), kind: 'call.jeopardy-answered' } }),
    ).toBe(1);

    const view = await api.app.inject({ method: 'GET', url: `/call/${call.id}`, headers: api.dispatch });
    expect(view.json<{ jeopardies: unknown[] }>().jeopardies).toEqual([
      expect.objectContaining({ comment: 'No spare parts', answerComment: 'Parts ship tomorrow' }),
    ]);
    expect(await api.db.outboxEntry.count({ where: { callId: BigInt(call.id), topic: 'jeopardy.changed' } })).toBe(2);

    expect((await raise(call.id, { comment: 'Again' })).statusCode).toBe(200);
  });

  it('E10 answers 409 on a Done or Closed call, 400 without a comment, 403, 404 and 401', async () => {
    const call = await api.createCall(owner.id);
    expect((await raise(call.id, {})).statusCode).toBe(400);
    expect((await raise(call.id, { comment: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await raise(call.id, { comment: 'x' }, stranger.headers)).statusCode).toBe(403);
    expect((await raise(999999, { comment: 'x' })).statusCode).toBe(404);
    expect((await raise(call.id, { comment: 'x' }, api.dispatch)).statusCode).toBe(401);
    for (const status of ['Done', 'Closed'] as const) {
      await api.db.call.update({ where: { id: BigInt(call.id) }, data: { status } });
      expect((await raise(call.id, { comment: 'x' })).statusCode).toBe(409);
    }
  });

  it('E13 answers 409 when no jeopardy is open, 400 without an answer, 404 and 401', async () => {
    const call = await api.createCall(owner.id);
    expect((await answer(call.id, { answerComment: 'ok' })).statusCode).toBe(409);
    await raise(call.id, { comment: 'risk' });
    expect((await answer(call.id, {})).statusCode).toBe(400);
    expect((await answer(999999, { answerComment: 'ok' })).statusCode).toBe(404);
    expect((await answer(call.id, { answerComment: 'ok' }, owner.headers)).statusCode).toBe(401);
    expect((await callRow(call.id)).isJeopardy).toBe(true);
  });
});
