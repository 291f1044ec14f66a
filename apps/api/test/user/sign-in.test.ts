import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../support/api-harness.js';
import { signInBody } from '../support/sign-in.js';

interface Tokens {
  access: { token: string; expiresIn: number };
  service: { token: string; expiresIn: number };
}

describe('E39 register, E41 sign-in, E42 token, E40 self', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness({
      ACCESS_TOKEN_TTL_MS: '60000',
      SIGNIN_FAILURE_DELAY_MS: '200',
      SIGNIN_FAILURE_DELAY_MAX_MS: '400',
    });
  });
  afterAll(() => api?.close());

  const register = (payload: object, headers: Record<string, string> = api.dispatch) =>
    api.app.inject({ method: 'POST', url: '/user/register', headers, payload });
  const signIn = (payload: object) => api.app.inject({ method: 'POST', url: '/user/signin', payload });
  const self = (token: string) =>
    api.app.inject({ method: 'GET', url: '/user/self', headers: { authorization: `Bearer ${token}` } });

  it('registers a user whose password signs in by the spec protocol; the access token opens /user/self', async () => {
    const registered = await register({ userName: 'Ivan', password: 'secret1' });
    expect(registered.statusCode).toBe(200);
    const { id } = registered.json<{ id: number }>();

    const response = await signIn(signInBody('Ivan', 'secret1'));
    expect(response.statusCode, response.body).toBe(200);
    const tokens = response.json<Tokens>();
    expect(tokens.access.expiresIn).toBe(60000);
    expect(tokens.service.expiresIn).toBeGreaterThan(60000);
    expect(tokens.access.token).not.toBe(tokens.service.token);

    const me = await self(tokens.access.token);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ id, name: 'Ivan' });
    expect((await self(tokens.service.token)).statusCode).toBe(401);
  });

  it('E39 answers 409 for an existing name (case-sensitive), 400 for a short password, 401 without the key', async () => {
    await register({ userName: 'Petr', password: 'secret1' });
    expect((await register({ userName: 'Petr', password: 'other12' })).statusCode).toBe(409);
    expect((await register({ userName: 'petr', password: 'other12' })).statusCode).toBe(200);
    const short = await register({ userName: 'Anna', password: '1234' });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ message: string }>().message).toMatch(/password/);
    expect((await register({ userName: 'Anna', password: 'secret1' }, {})).statusCode).toBe(401);
  });

  it('E41 answers 401 code 1 for an unknown user or a wrong password, code 2 for a reused salt', async () => {
    await register({ userName: 'Olga', password: 'secret1' });
    expect((await signIn(signInBody('Nobody', 'secret1'))).json()).toMatchObject({ errorCode: 1 });
    const wrong = await signIn(signInBody('Olga', 'wrong-password'));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ errorCode: 1 });

    const salt = randomBytes(24);
    expect((await signIn(signInBody('Olga', 'secret1', salt))).statusCode).toBe(200);
    const replay = await signIn(signInBody('Olga', 'secret1', salt));
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ errorCode: 2 });
  });

  it('E41 lets only one of two concurrent sign-ins with the same salt through', async () => {
    await register({ userName: 'Racer', password: 'secret1' });
    const body = signInBody('Racer', 'secret1');
    const results = await Promise.all([signIn(body), signIn(body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('E41 answers 400 for a salt outside 16–32 bytes, non-base64 values and a missing field', async () => {
    const good = signInBody('Ivan', 'secret1');
    for (const payload of [
      { ...good, salt: randomBytes(15).toString('base64') },
      { ...good, salt: randomBytes(33).toString('base64') },
      { ...good, salt: 'not base64!' },
      { ...good, hashedPassword: '' },
      { userName: 'Ivan', salt: good.salt },
    ]) {
      expect((await signIn(payload)).statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await signIn(signInBody('Ivan', 'secret1', randomBytes(32)))).statusCode).toBe(200);
  });

  it('slows a user down after repeated failures, but a correct password still signs in and resets it', async () => {
    await register({ userName: 'Guessed', password: 'secret1' });
    const timed = async (password: string) => {
      const started = performance.now();
      const response = await signIn(signInBody('Guessed', password));
      return { status: response.statusCode, ms: performance.now() - started };
    };
    for (let i = 0; i < 3; i++) expect((await timed('nope')).ms).toBeLessThan(150);
    const slowed = await timed('nope');
    expect(slowed.status).toBe(401);
    expect(slowed.ms).toBeGreaterThanOrEqual(190);
    const capped = await timed('nope');
    expect(capped.ms).toBeGreaterThanOrEqual(390);
    const correct = await timed('secret1');
    expect(correct.status).toBe(200);
    expect(correct.ms).toBeGreaterThanOrEqual(390);
    expect((await timed('secret1')).ms).toBeLessThan(150);
  });

  it('E42 mints a new pair from the service token; the old service token keeps working; access tokens are refused', async () => {
    await register({ userName: 'Refresher', password: 'secret1' });
    const first = (await signIn(signInBody('Refresher', 'secret1'))).json<Tokens>();
    const refresh = (token: string) =>
      api.app.inject({ method: 'POST', url: '/user/token', headers: { authorization: `Bearer ${token}` } });
    const second = await refresh(first.service.token);
    expect(second.statusCode).toBe(200);
    const minted = second.json<Tokens>();
    expect(minted.access.token).not.toBe(first.access.token);
    expect((await self(minted.access.token)).statusCode).toBe(200);
    expect((await refresh(first.service.token)).statusCode).toBe(200);
    expect((await refresh(first.access.token)).statusCode).toBe(401);
    expect((await api.app.inject({ method: 'POST', url: '/user/token' })).statusCode).toBe(401);
  });

  it('rejects an expired access token with 401', async () => {
    await register({ userName: 'Expired', password: 'secret1' });
    const tokens = (await signIn(signInBody('Expired', 'secret1'))).json<Tokens>();
    await api.db.userToken.updateMany({ where: { kind: 'Access' }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await self(tokens.access.token)).statusCode).toBe(401);
  });
});
