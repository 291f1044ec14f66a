import { afterEach, describe, expect, it } from 'vitest';
import { createCookieJar, createHttpClient } from '../src/index.js';
import { sendJson, startServer, type TestServer } from './support/test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('cookie jar', () => {
  it('stores the cookies a login sets, sends them back, and exposes one for a CSRF header', async () => {
    server = await startServer((req, res) => {
      if (req.url === '/ServiceModel/AuthService.svc/Login') {
        res.setHeader('set-cookie', [
          'BPMLOADER=loader1; path=/; HttpOnly',
          '.ASPXAUTH=auth1; path=/; HttpOnly',
          'BPMCSRF=csrf1; path=/',
        ]);
        return sendJson(res, 200, { Code: 0 });
      }
      sendJson(res, 200, { cookie: req.headers.cookie, csrf: req.headers.bpmcsrf });
    });
    const cookieJar = createCookieJar(server.url);
    const client = createHttpClient({ baseUrl: server.url, connectionId: 'bpm', cookieJar });
    expect(client.cookies).toBe(cookieJar);

    const login = await client.request({
      method: 'POST',
      path: '/ServiceModel/AuthService.svc/Login',
      body: { json: {} },
    });
    expect(login.status).toBe(200);
    expect(server.requests[0]!.headers.cookie).toBeUndefined();

    const csrf = await cookieJar.getCookie('BPMCSRF');
    expect(csrf).toBe('csrf1');
    const echoed = await client.request({ path: '/0/ssp/rest/PublicWebServices/cases', headers: { BPMCSRF: csrf! } });
    expect(echoed.json()).toEqual({ cookie: 'BPMLOADER=loader1; .ASPXAUTH=auth1; BPMCSRF=csrf1', csrf: 'csrf1' });

    await cookieJar.clear();
    expect(await cookieJar.getCookie('BPMCSRF')).toBeUndefined();
    await client.request({ path: '/after-clear' });
    expect(server.requests.at(-1)!.headers.cookie).toBeUndefined();
    await client.close();
  });

  it('keeps cookies set on a redirect and on an error response, and merges with a given Cookie header', async () => {
    server = await startServer((req, res, i) => {
      if (i === 0) {
        res.writeHead(302, { location: '/login', 'set-cookie': 'a=1; path=/' });
        return res.end();
      }
      if (i === 1) return sendJson(res, 400, {}, { 'set-cookie': 'b=2; path=/' });
      sendJson(res, 200, { cookie: req.headers.cookie });
    });
    const cookieJar = createCookieJar(server.url);
    const client = createHttpClient({ baseUrl: server.url, connectionId: 'c', cookieJar });
    await expect(client.request({ path: '/redirect' })).rejects.toMatchObject({ status: 302 });
    await expect(client.request({ path: '/bad' })).rejects.toMatchObject({ status: 400 });
    const response = await client.request({ path: '/echo', headers: { Cookie: 'mine=0' } });
    expect(response.json()).toEqual({ cookie: 'mine=0; a=1; b=2' });
    await client.close();
  });
});
