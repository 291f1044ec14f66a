import { afterEach, describe, expect, it } from 'vitest';
import { createCookieJar, createHttpClient, createRedactor, HttpError } from '../src/index.js';
import { captureLogger } from './support/capture-logger.js';
import { sendJson, startServer, type TestServer } from './support/test-server.js';

const TOKEN = 'c1d8hb4d-d4f1-11e3-8301-f4de7aca8743';
const PASSWORD = 'Pa$$ w0rd&secret';
const BEARER = 'bearer-9f8e7d6c5b4a';
const SESSION = 'aspxauth-0a1b2c3d4e';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('redaction', () => {
  it('never writes a secret into a log line or an error, even when the server echoes it', async () => {
    const echo = await startServer((req, res) => {
      if (req.url.startsWith('/login')) {
        res.setHeader('set-cookie', `.ASPXAUTH=${SESSION}; path=/`);
        return sendJson(res, 200, {});
      }
      // A hostile server echoing everything it got, on a retryable status.
      sendJson(res, 503, { url: req.url, headers: req.headers, body: req.body }, { 'x-echo': TOKEN });
    });
    server = echo;
    const { logger, output, lines } = captureLogger();
    const client = createHttpClient({
      baseUrl: server.url,
      connectionId: 'task24-1',
      logger,
      cookieJar: createCookieJar(server.url),
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 5, retryAfterCapMs: 5, jitter: 0 },
      // SESSION is not listed: the jar's cookie values are masked on their own.
      redact: { secretValues: [TOKEN, PASSWORD, BEARER] },
    });

    await client.request({ method: 'POST', path: '/login', body: { json: { login: 'u', password: PASSWORD } } });
    const error = (await client
      .request({
        path: `/data/tickets/items`,
        query: { token: TOKEN, testmode: 1 },
        headers: { Authorization: `Bearer ${BEARER}` },
        idempotent: true,
      })
      .catch((e: unknown) => e)) as HttpError;
    const form = (await client
      .request({ method: 'POST', url: `${server.url}/data/tickets/add`, body: { form: { token: TOKEN, name: 'x' } } })
      .catch((e: unknown) => e)) as HttpError;

    expect(error).toBeInstanceOf(HttpError);
    expect(error.request.url).toBe(`${server.url}/data/tickets/items?token=***&testmode=1`);
    // The server really got the secrets — they were masked only on our side.
    expect(server.requests[1]!.url).toContain(TOKEN);
    expect(server.requests[1]!.headers.cookie).toContain(SESSION);

    const everything = [
      output(),
      JSON.stringify(error),
      error.message,
      JSON.stringify(error.response),
      form.message,
      JSON.stringify(form.response),
    ].join('\n');
    for (const secret of [TOKEN, PASSWORD, BEARER, SESSION, encodeURIComponent(PASSWORD)]) {
      expect(everything).not.toContain(secret);
    }
    expect(error.response!.headers['x-echo']).toBe('***');

    const logged = lines();
    expect(logged[0]).toMatchObject({
      connectionId: 'task24-1',
      method: 'POST',
      url: `${server.url}/login`,
      status: 200,
      attempt: 1,
    });
    expect(logged[0]!.durationMs).toEqual(expect.any(Number));
    expect(logged.filter((l) => l.url === `${echo.url}/data/tickets/items?token=***&testmode=1`)).toHaveLength(2);
    expect(logged[1]).toMatchObject({ status: 503, kind: 'retryable', code: 'HTTP_503', attempt: 1, retryInMs: 5 });
    expect(logged[2]).toMatchObject({ attempt: 2, msg: 'http request failed' });
    await client.close();
  });

  it('masks secret query parameters, URL passwords, secret headers and values', () => {
    const redactor = createRedactor({
      secretParams: ['abonentKey'],
      secretHeaders: ['X-Custom'],
      secretValues: ['s3cr3t'],
    });
    expect(redactor.url('https://user:pw@h/p/s3cr3t?token=a&AbonentKey=b&page=1&api_key=c')).toBe(
      'https://user:***@h/p/***?token=***&AbonentKey=***&page=1&api_key=***',
    );
    expect(
      redactor.headers({ Authorization: 'Bearer x', 'x-custom': 'y', Cookie: 'a=b', accept: 'has s3cr3t' }),
    ).toEqual({
      Authorization: '***',
      'x-custom': '***',
      Cookie: '***',
      accept: 'has ***',
    });
  });
});
