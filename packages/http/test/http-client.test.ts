import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CookieJar, createHttpClient, HttpError, type HttpClientOptions } from '../src/index.js';
import { scriptedServer, type Handler } from './scripted-server.js';

const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, retryAfterCapMs: 1_500 };

describe('the outbound HTTP client against a real server', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function setup(handler: Handler, options: Partial<HttpClientOptions> = {}) {
    const server = await scriptedServer(handler);
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const client = createHttpClient({ baseUrl: server.url, logger, retry: FAST_RETRY, ...options });
    closers.push(() => client.close(), server.close);
    return { server, client, lines };
  }
  const reply =
    (status: number, body = '{}', headers: Record<string, string> = {}): Handler =>
    (_request, response) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };

  it('retries 5xx with backoff until it succeeds', async () => {
    const { server, client } = await setup((request, response, hit) =>
      hit < 3 ? reply(503)(request, response, hit) : reply(200, '{"ok":true}')(request, response, hit),
    );
    const response = await client.request({ method: 'GET', path: '/things' });
    expect(response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP date, capped', async () => {
    const { server, client } = await setup((request, response, hit) =>
      hit === 1 ? reply(429, '{}', { 'retry-after': '1' })(request, response, hit) : reply(200)(request, response, hit),
    );
    const started = Date.now();
    await client.request({ method: 'POST', path: '/create' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);

    const dated = await setup((request, response, hit) =>
      hit === 1
        ? reply(503, '{}', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() })(request, response, hit)
        : reply(200)(request, response, hit),
    );
    const capStart = Date.now();
    await dated.client.request({ method: 'GET', path: '/' });
    const waited = Date.now() - capStart;
    expect(waited).toBeGreaterThanOrEqual(1_400);
    expect(waited).toBeLessThan(5_000);
  });

  it('gives up after its attempts with a retryable error that says how many it made', async () => {
    const { server, client } = await setup(reply(500));
    const error = await client.request({ method: 'GET', path: '/' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'retryable', details: { status: 500, attempts: 4 } });
    expect(server.requests).toHaveLength(4);
  });

  it('does not repeat a POST the server received unless the caller marks it idempotent', async () => {
    const once = await setup(reply(502));
    await expect(once.client.request({ method: 'POST', path: '/tickets' })).rejects.toMatchObject({
      kind: 'retryable',
      details: { attempts: 1 },
    });
    expect(once.server.requests).toHaveLength(1);

    const marked = await setup(reply(502));
    await expect(marked.client.request({ method: 'POST', path: '/tickets', idempotent: true })).rejects.toMatchObject({
      details: { attempts: 4 },
    });
    expect(marked.server.requests).toHaveLength(4);
  });

  it('answers 401 as needs-reauth and 400 as fatal, without retrying', async () => {
    const unauthorized = await setup(reply(401));
    await expect(unauthorized.client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ kind: 'reauth' });
    expect(unauthorized.server.requests).toHaveLength(1);
    const bad = await setup(reply(400));
    await expect(bad.client.request({ method: 'GET', path: '/' })).rejects.toMatchObject({ kind: 'fatal' });
    expect(bad.server.requests).toHaveLength(1);
  });

  it('times out a hanging server and retries the timeout for an idempotent request', async () => {
    const { server, client } = await setup(
      (request, response, hit) => {
        if (hit === 1) return; // never answers
        reply(200)(request, response, hit);
      },
      { timeoutMs: 200 },
    );
    const started = Date.now();
    await client.request({ method: 'GET', path: '/slow' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a refused connection even for a POST: it never reached a server', async () => {
    const server = await scriptedServer(reply(200));
    const url = server.url;
    await server.close();
    const client = createHttpClient({ baseUrl: url, logger: pino({ level: 'silent' }), retry: FAST_RETRY });
    closers.push(() => client.close());
    await expect(client.request({ method: 'POST', path: '/' })).rejects.toMatchObject({
      kind: 'retryable',
      details: { attempts: 4 },
    });
  });

  it('keeps session cookies and sends them back', async () => {
    const jar = new CookieJar();
    const { server, client } = await setup(
      (request, response, hit) =>
        hit === 1
          ? reply(200, '{}', { 'set-cookie': 'BPMCSRF=abc123; Path=/' })(request, response, hit)
          : reply(200)(request, response, hit),
      { cookieJar: jar },
    );
    await client.request({ method: 'POST', path: '/login', json: { login: 'u' } });
    await client.request({ method: 'GET', path: '/cases' });
    expect(server.requests[1]!.headers.cookie).toBe('BPMCSRF=abc123');
    expect((await jar.getCookies(server.url)).find((c) => c.key === 'BPMCSRF')?.value).toBe('abc123');
  });

  it('turns an error envelope in a 200 into the taxonomy through `classify`', async () => {
    const { server, client } = await setup(
      (request, response, hit) =>
        hit === 1
          ? reply(200, '{"success":false,"errormsg":"rate"}')(request, response, hit)
          : reply(200, '{"success":true}')(request, response, hit),
      {
        classify: (response) =>
          response.json<{ success: boolean }>().success
            ? null
            : { kind: 'retryable', message: 'rate', retryAfterMs: 10 },
      },
    );
    expect((await client.request({ method: 'POST', path: '/x' })).json()).toEqual({ success: true });
    expect(server.requests).toHaveLength(2);
  });

  it('never logs a secret query parameter or form field', async () => {
    const { client, lines } = await setup(reply(500), { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await client
      .request({ method: 'GET', path: '/data', query: { token: 'TOPSECRET-123', page: 2 } })
      .catch((error: HttpError) => expect(error.details.request).not.toContain('TOPSECRET'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('TOPSECRET-123');
    expect(lines.join('\n')).toContain('token=***');
  });
});
