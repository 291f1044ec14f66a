import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

const MATERIAL = { count: 2, name: 'Fuser unit', ownerType: 'Contractor', price: 1500.5, serialNumber: 'SN-1' };

describe('call costs E14–E23', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('cost-owner');
    stranger = await api.createUser('cost-stranger');
  });
  afterAll(() => api?.close());

  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, payload?: object, headers = owner.headers) =>
    payload === undefined
      ? api.app.inject({ method, url, headers })
      : api.app.inject({ method, url, headers, payload });

  /** A Committed call of the owner with an opened call cost; returns its id and expenditure item ids. */
  async function callWithCost(): Promise<{ id: number; items: number[] }> {
    const call = await api.createCall(owner.id);
    await send('POST', `/call/${call.id}/status`, { status: 'Committed' });
    expect((await send('POST', `/callCost/call/${call.id}`)).statusCode).toBe(204);
    const items = await api.db.expenditureItem.findMany({ where: { callId: BigInt(call.id) }, orderBy: { id: 'asc' } });
    return { id: call.id, items: items.map((item) => Number(item.id)) };
  }

  it('runs Draft → InProgress → Processed: items added, edited, removed, sent, decided, owner notified', async () => {
    const { id, items } = await callWithCost();
    const expense = await send('POST', `/callCost/call/${id}/expense`, { count: 1.5, expenditureItemId: items[0] });
    expect(expense.statusCode).toBe(200);
    const expenseId = expense.json<{ id: number }>().id;
    const extra = (await send('POST', `/callCost/call/${id}/expense`, { count: 1, expenditureItemId: items[1] })).json<{
      id: number;
    }>().id;
    const material = (await send('POST', `/callCost/call/${id}/material`, MATERIAL)).json<{ id: number }>().id;

    expect((await send('PATCH', `/callCost/call/${id}/expense/${expenseId}`, { count: 3 })).statusCode).toBe(204);
    expect((await send('PATCH', `/callCost/call/${id}/material/${material}`, { price: 99 })).statusCode).toBe(204);
    expect((await send('DELETE', `/callCost/call/${id}/expense/${extra}`)).statusCode).toBe(204);

    const draft = await send('GET', `/callCost/call/${id}`, undefined, api.dispatch);
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toEqual({
      status: 'Draft',
      expenses: [{ id: expenseId, count: 3, expenditureItemId: items[0], status: 'New' }],
      materials: [{ id: material, ...MATERIAL, price: 99, status: 'New' }],
    });

    expect((await send('POST', `/callCost/status/call/${id}`)).statusCode).toBe(204);
    expect((await send('POST', `/callCost/status/call/${id}`)).statusCode).toBe(409);
    expect((await send('POST', `/callCost/call/${id}/material`, MATERIAL)).statusCode).toBe(409);

    const approve = (payload: object) =>
      send('PATCH', `/callCost/call/${id}/changeApprovalStatus`, payload, api.dispatch);
    expect((await approve({ expenses: { [expenseId]: 'Approved' } })).statusCode).toBe(204);
    expect((await send('GET', `/callCost/call/${id}`, undefined, api.dispatch)).json()).toMatchObject({
      status: 'InProgress',
    });
    expect((await approve({ materials: { [material]: 'ApprovedWithCorrection' } })).statusCode).toBe(204);
    expect((await send('GET', `/callCost/call/${id}`, undefined, api.dispatch)).json()).toMatchObject({
      status: 'Processed',
      expenses: [{ status: 'Approved' }],
      materials: [{ status: 'ApprovedWithCorrection' }],
    });
    expect((await approve({ expenses: { [expenseId]: 'Rejected' } })).statusCode).toBe(409);
    expect(await api.db.notification.count({ where: { callId: BigInt(id), kind: 'cost.decision' } })).toBe(2);
    expect(await api.db.outboxEntry.count({ where: { callId: BigInt(id), topic: 'cost.changed' } })).toBeGreaterThan(5);
  });

  it('E14 answers 409 for a New call, a second call cost and after the deadline; 403, 404, 401', async () => {
    const call = await api.createCall(owner.id);
    expect((await send('POST', `/callCost/call/${call.id}`)).statusCode).toBe(409);
    await send('POST', `/call/${call.id}/status`, { status: 'Committed' });
    expect((await send('POST', `/callCost/call/${call.id}`, undefined, stranger.headers)).statusCode).toBe(403);
    expect((await send('POST', '/callCost/call/999999')).statusCode).toBe(404);
    expect((await send('POST', `/callCost/call/${call.id}`, undefined, api.dispatch)).statusCode).toBe(401);
    expect((await send('POST', `/callCost/call/${call.id}`)).statusCode).toBe(204);
    expect((await send('POST', `/callCost/call/${call.id}`)).statusCode).toBe(409);

    const late = await api.createCall(owner.id);
    await api.db.call.update({
      where: { id: BigInt(late.id) },
      data: { status: 'Done', commited: new Date('2020-01-01'), finished: new Date('2020-01-02') },
    });
    expect((await send('POST', `/callCost/call/${late.id}`)).statusCode).toBe(409);
  });

  it('honours callCostDeadlineDayOfMonth for edits and sending once the call is Done', async () => {
    const { id, items } = await callWithCost();
    const finished = new Date();
    finished.setMonth(finished.getMonth() - 1, 1);
    await api.db.call.update({ where: { id: BigInt(id) }, data: { status: 'Done', finished } });
    // Day 28 of this month is still ahead of or equal to today only when today ≤ 28: pick the rule that is certain.
    const today = new Date().getDate();
    await api.db.systemSettings.upsert({
      where: { id: 1 },
      create: { id: 1, callCostDeadlineDayOfMonth: 28 },
      update: { callCostDeadlineDayOfMonth: 28 },
    });
    const withinDeadline = today <= 28;
    const added = await send('POST', `/callCost/call/${id}/expense`, { count: 1, expenditureItemId: items[0] });
    expect(added.statusCode).toBe(withinDeadline ? 200 : 409);

    await api.db.call.update({ where: { id: BigInt(id) }, data: { finished: new Date('2020-01-15') } });
    expect(
      (await send('POST', `/callCost/call/${id}/expense`, { count: 1, expenditureItemId: items[0] })).statusCode,
    ).toBe(409);
    expect((await send('POST', `/callCost/status/call/${id}`)).statusCode).toBe(409);
    await api.db.systemSettings.update({ where: { id: 1 }, data: { callCostDeadlineDayOfMonth: 5 } });
  });

  it('E17–E22 answer the documented 404 codes, 400 for bad input, 403 for another owner', async () => {
    const noCost = await api.createCall(owner.id);
    await send('POST', `/call/${noCost.id}/status`, { status: 'Committed' });
    const { id, items } = await callWithCost();
    const expect404 = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, code: number, payload?: object) => {
      const response = await send(method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json(), `${method} ${url}`).toMatchObject({ errorCode: code });
    };
    const expense = { count: 1, expenditureItemId: items[0] };
    await expect404('POST', '/callCost/call/999999/expense', 1, expense);
    await expect404('POST', `/callCost/call/${noCost.id}/expense`, 2, expense);
    await expect404('POST', `/callCost/call/${id}/expense`, 3, { count: 1, expenditureItemId: 999999 });
    await expect404('PATCH', `/callCost/call/${id}/expense/999999`, 3, { count: 2 });
    await expect404('DELETE', `/callCost/call/${id}/expense/999999`, 3);
    await expect404('DELETE', `/callCost/call/999999/expense/1`, 1);
    await expect404('POST', '/callCost/call/999999/material', 1, MATERIAL);
    await expect404('POST', `/callCost/call/${noCost.id}/material`, 2, MATERIAL);
    await expect404('PATCH', `/callCost/call/${id}/material/999999`, 4, { count: 2 });
    await expect404('DELETE', `/callCost/call/${id}/material/999999`, 4);
    await expect404('DELETE', `/callCost/call/${noCost.id}/material/1`, 2);

    for (const payload of [
      { count: 0, expenditureItemId: items[0] },
      { count: 1 },
      { count: 'one', expenditureItemId: 1 },
    ]) {
      expect((await send('POST', `/callCost/call/${id}/expense`, payload)).statusCode).toBe(400);
    }
    expect(
      (await send('POST', `/callCost/call/${id}/material`, { ...MATERIAL, ownerType: 'Neighbour' })).statusCode,
    ).toBe(400);
    expect((await send('POST', `/callCost/call/${id}/material`, { name: 'x' })).statusCode).toBe(400);
    expect((await send('POST', `/callCost/call/${id}/expense`, expense, stranger.headers)).statusCode).toBe(403);
    expect((await send('POST', `/callCost/status/call/${noCost.id}`)).statusCode).toBe(409);
    expect((await send('POST', '/callCost/status/call/999999')).statusCode).toBe(404);
  });

  it('refuses every contractor change of the call cost once the call is Closed', async () => {
    const { id, items } = await callWithCost();
    await api.db.call.update({ where: { id: BigInt(id) }, data: { status: 'Closed' } });
    expect(
      (await send('POST', `/callCost/call/${id}/expense`, { count: 1, expenditureItemId: items[0] })).statusCode,
    ).toBe(409);
    expect((await send('POST', `/callCost/call/${id}/material`, MATERIAL)).statusCode).toBe(409);
    expect((await send('POST', `/callCost/status/call/${id}`)).statusCode).toBe(409);
  });

  it('E15 and E16 answer 404 codes and 409, and E16 changes nothing when one id is unknown', async () => {
    const { id, items } = await callWithCost();
    const expenseId = (
      await send('POST', `/callCost/call/${id}/expense`, { count: 1, expenditureItemId: items[0] })
    ).json<{
      id: number;
    }>().id;
    const approve = (callId: number, payload: object) =>
      send('PATCH', `/callCost/call/${callId}/changeApprovalStatus`, payload, api.dispatch);
    expect((await approve(id, { expenses: { [expenseId]: 'Approved' } })).statusCode).toBe(409);
    await send('POST', `/callCost/status/call/${id}`);

    const partlyUnknown = await approve(id, { expenses: { [expenseId]: 'Approved', '999999': 'Rejected' } });
    expect(partlyUnknown.statusCode).toBe(404);
    expect(partlyUnknown.json()).toMatchObject({ errorCode: 3 });
    expect((await api.db.expense.findUniqueOrThrow({ where: { id: BigInt(expenseId) } })).status).toBe('New');
    expect((await approve(id, { materials: { '999999': 'Rejected' } })).json()).toMatchObject({ errorCode: 4 });
    expect((await approve(999999, {})).json()).toMatchObject({ errorCode: 1 });
    const bare = await api.createCall(owner.id);
    expect((await approve(bare.id, {})).json()).toMatchObject({ errorCode: 2 });
    expect((await approve(id, { expenses: { abc: 'Approved' } })).statusCode).toBe(400);
    expect((await approve(id, { expenses: { [expenseId]: 'Maybe' } })).statusCode).toBe(400);

    expect((await send('GET', `/callCost/call/${bare.id}`, undefined, api.dispatch)).statusCode).toBe(404);
    expect((await send('GET', '/callCost/call/999999', undefined, api.dispatch)).statusCode).toBe(404);
    expect((await send('GET', `/callCost/call/${id}`)).statusCode).toBe(401);
  });
});
