import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, startApiHarness, type ApiHarness, type TestUser } from './support/api-harness.js';

/** Bad input is a clear 4xx ErrorDTO, never a 5xx (issue 3). */
describe('bad input', () => {
  let api: ApiHarness;
  let owner: TestUser;
  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('bad-input-owner');
  });
  afterAll(() => api?.close());

  const postCall = (payload: string | object, contentType = 'application/json') =>
    api.app.inject({
      method: 'POST',
      url: '/call',
      headers: { ...api.dispatch, 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });

  it('answers malformed JSON with 400 and a body over 1 MiB with 413', async () => {
    expect((await postCall('{"clientName": ')).json()).toEqual({ errorCode: 0, message: 'malformed JSON body' });
    const huge = await postCall(callInput(owner.id, { descriptionHtmlText: 'x'.repeat(1_100_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ errorCode: 0 });
  });

  it('names the field of a wrong type, a missing field, and a bad date', async () => {
    const cases: [object, RegExp][] = [
      [callInput(owner.id, { serviceObjectLatitude: 'north' }), /serviceObjectLatitude/],
      [callInput(owner.id, { tasks: [{ title: 5 }] }), /tasks\.0\.title/],
      [callInput(owner.id, { created: '23.11.2026' }), /created/],
      [callInput(owner.id, { ownerId: -1 }), /ownerId/],
      [{ ...callInput(owner.id), clientName: undefined }, /clientName/],
    ];
    for (const [payload, field] of cases) {
      const response = await postCall(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json<{ message: string }>().message).toMatch(field);
    }
  });

  it('refuses NUL characters, which PostgreSQL text cannot hold, with 400 instead of failing in the database', async () => {
    const response = await postCall(JSON.stringify(callInput(owner.id, { clientName: 'AC\u0000ME' })));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toMatch(/NUL/);
    const escapedBackslash = await postCall(JSON.stringify(callInput(owner.id, { clientName: 'C:\\u0000' })));
    expect(escapedBackslash.statusCode).toBe(200);
  });

  it('accepts the JSON media types the spec lists', async () => {
    for (const type of ['text/json', 'application/json;odata.metadata=minimal', 'application/vnd.dispatch+json']) {
      expect((await postCall(callInput(owner.id), type)).statusCode, type).toBe(200);
    }
  });

  it('answers unknown ids with 404 and impossible ids with 400, never 500', async () => {
    for (const url of ['/call/0', '/call/9007199254740991']) {
      expect((await api.app.inject({ method: 'GET', url, headers: api.dispatch })).statusCode, url).toBe(404);
    }
    for (const url of ['/call/-5', '/call/1e3x', '/call/99999999999999999999']) {
      expect((await api.app.inject({ method: 'GET', url, headers: api.dispatch })).statusCode, url).toBe(400);
    }
  });

  it('routes case-insensitively like the original ASP.NET service: /callTask = /calltask, /CALL = /call', async () => {
    const created = await api.createCall(owner.id);
    const taskId = created.tasks[0]!.id;
    for (const url of [`/calltask/${taskId}`, `/callTask/${taskId}`, `/CALLTASK/${taskId}`]) {
      expect((await api.app.inject({ method: 'GET', url, headers: api.dispatch })).statusCode, url).toBe(200);
    }
    const unknownRoute = await api.app.inject({ method: 'GET', url: '/no/such/route', headers: api.dispatch });
    expect(unknownRoute.statusCode).toBe(404);
    expect(unknownRoute.json()).toMatchObject({ errorCode: 0 });
  });
});
