import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callInput,
  startApiHarness,
  type ApiHarness,
  type CreatedCall,
  type TestUser,
} from '../support/api-harness.js';

/** POST /call batches concurrent requests into one statement; each still gets its own answer. */
describe('POST /call under concurrency', () => {
  let api: ApiHarness;
  let owner: TestUser;
  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('batch-owner');
  });
  afterAll(() => api?.close());

  it('answers each of 60 simultaneous requests on its own: calls created whole, unknown owners 404 code 3', async () => {
    const requests = Array.from({ length: 60 }, (_, i) => {
      const ownerId = i % 5 === 4 ? 999_999 : owner.id;
      const payload = callInput(ownerId, {
        clientName: `Client ${i}`,
        created: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
        tasks: [{ title: `first of ${i}` }, { title: `second of ${i}` }, { title: `third of ${i}` }],
      });
      return api.app.inject({ method: 'POST', url: '/call', headers: api.dispatch, payload });
    });
    const responses = await Promise.all(requests);

    const created: { i: number; body: CreatedCall }[] = [];
    responses.forEach((response, i) => {
      if (i % 5 === 4) {
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ errorCode: 3 });
      } else {
        expect(response.statusCode, response.body).toBe(200);
        created.push({ i, body: response.json<CreatedCall>() });
      }
    });
    expect(created).toHaveLength(48);
    expect(new Set(created.map((c) => c.body.number)).size).toBe(48);

    for (const { i, body } of created) {
      expect(body.created).toBe(new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString());
      const call = await api.db.call.findUniqueOrThrow({
        where: { id: BigInt(body.id) },
        include: { tasks: { orderBy: { position: 'asc' } }, availableExpenditureItems: true },
      });
      expect(call.clientName).toBe(`Client ${i}`);
      expect(call.tasks.map((task) => [Number(task.id), task.title])).toEqual(
        body.tasks.map((task, position) => [task.id, ['first', 'second', 'third'][position] + ` of ${i}`]),
      );
      expect(call.availableExpenditureItems).toHaveLength(2);
    }
    expect(await api.db.call.count()).toBe(48);
    expect(await api.db.outboxEntry.count({ where: { topic: 'call.created' } })).toBe(48);
    expect(await api.db.notification.count({ where: { kind: 'call.assigned' } })).toBe(48);
  });
});
