import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { signInBody } from '../support/sign-in.js';

describe('E43 changePassword and E44 lock', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.close());

  const post = (url: string, payload?: object, headers: Record<string, string> = api.dispatch) =>
    payload === undefined
      ? api.app.inject({ method: 'POST', url, headers })
      : api.app.inject({ method: 'POST', url, headers, payload });
  const signIn = (name: string, password: string) => post('/user/signin', signInBody(name, password), {});

  it('E43 changes the password and revokes the user’s tokens', async () => {
    const user = await api.createUser('changer', 'secret1');
    const changed = await post(`/user/${user.id}/changePassword`, { newPassword: 'better-secret' });
    expect(changed.statusCode).toBe(204);
    expect((await signIn('changer', 'secret1')).json()).toMatchObject({ errorCode: 1 });
    expect((await signIn('changer', 'better-secret')).statusCode).toBe(200);
    const self = await api.app.inject({ method: 'GET', url: '/user/self', headers: user.headers });
    expect(self.statusCode).toBe(401);
  });

  it('E43 answers 400 for a short password, 404 for an unknown user, 401 code 3 for a locked one, 401 for a user token', async () => {
    const user = await api.createUser('short', 'secret1');
    expect((await post(`/user/${user.id}/changePassword`, { newPassword: '1234' })).statusCode).toBe(400);
    expect((await post('/user/999999/changePassword', { newPassword: 'secret2' })).statusCode).toBe(404);
    expect((await post(`/user/${user.id}/changePassword`, { newPassword: 'secret2' }, user.headers)).statusCode).toBe(
      401,
    );
    await post(`/user/${user.id}/lock`);
    const locked = await post(`/user/${user.id}/changePassword`, { newPassword: 'secret2' });
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toMatchObject({ errorCode: 3 });
  });

  it('E44 locks: sign-in gets 401 code 5 and live tokens 401; unknown users 404', async () => {
    const user = await api.createUser('lockme', 'secret1');
    expect((await api.app.inject({ method: 'GET', url: '/user/self', headers: user.headers })).statusCode).toBe(200);
    expect((await post(`/user/${user.id}/lock`)).statusCode).toBe(204);
    expect((await api.app.inject({ method: 'GET', url: '/user/self', headers: user.headers })).statusCode).toBe(401);
    const signIn5 = await signIn('lockme', 'secret1');
    expect(signIn5.statusCode).toBe(401);
    expect(signIn5.json()).toMatchObject({ errorCode: 5 });
    expect((await post('/user/999999/lock')).statusCode).toBe(404);
    expect((await post(`/user/${user.id}/lock`, undefined, {})).statusCode).toBe(401);
  });
});
