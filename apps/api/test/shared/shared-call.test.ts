import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';
import { linkedCall } from '../support/linked-call.js';

describe('E33 GET /shared/call?token=', () => {
  let api: ApiHarness;
  let owner: TestUser;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('shared-owner');
  });
  afterAll(() => api?.close());

  const get = (token?: string) =>
    api.app.inject({
      method: 'GET',
      url: token === undefined ? '/shared/call' : `/shared/call?token=${encodeURIComponent(token)}`,
    });

  it('returns the CallDTO of the link’s call, without any auth header', async () => {
    const { id, token } = await linkedCall(api, owner);
    const response = await get(token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id, status: 'Committed', descriptionTextForFieldEmployee: 'Printer jams' });
  });

  it('answers 400 for a missing or malformed token and 404 for an unknown or replaced one', async () => {
    const { id, token } = await linkedCall(api, owner);
    expect((await get()).statusCode).toBe(400);
    expect((await get('')).statusCode).toBe(400);
    expect((await get('not-a-token')).statusCode).toBe(400);
    const forged = `${token.slice(0, 37)}${'B'.repeat(32)}`;
    expect((await get(forged)).statusCode).toBe(404);

    await api.app.inject({ method: 'POST', url: `/call/${id}/templink`, headers: owner.headers });
    const replaced = await get(token);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.json<{ message: string }>().message).toMatch(/newer link/);
  });
});
