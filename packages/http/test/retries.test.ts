import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, isFatal, isReauth, isRetryable, type HttpClientOptions } from '../src/index.js';
import { closedPort, sendJson, startServer, type Handler, type TestServer } from './support/test-server.js';

const fastRetry = { attempts: 3, baseDelayMs: 10, maxDelayMs: 40, retryAfterCapMs: 500, jitter: 0.5 };

let server: TestServer | undefined;
const clients: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<HttpClientOptions> = {}) {
  server = await startServer(handler);
  const client = createHttpClient({ baseUrl: server.url, connectionId: 'conn-1', retry: fastRetry, ...options });
  clients.push(client);
  return { server, client };
}

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe('retries', () => {
  it('retries a 5xx and returns the success that follows', async () => {
    const { server, client } = await setup((_req, res, i) =>
      i < 2 ? sendJson(res, 503, { error: 'busy' }) : sendJson(res, 200, { ok: true }),
    );
    const response = await client.request({ path: '/items' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(response.attempt).toBe(3);
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after the configured attempts with a retryable error carrying the count', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 502, { error: 'bad gateway' }));
    const error = await failure(client.request({ path: '/items', query: { page: 2 } }));
    expect(isRetryable(error)).toBe(true);
    expect(error.kind).toBe('retryable');
    expect(error.code).toBe('HTTP_502');
    expect(error.status).toBe(502);
    expect(error.attempts).toBe(3);
    expect(error.request).toEqual({ method: 'GET', url: `${server.url}/items?page=2` });
    expect(error.response?.bodySnippet).toContain('bad gateway');
    expect(error.message).toContain('after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('turns 401 into a re-auth error without retrying', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 401, { Message: 'Authentication failed.' }));
    const error = await failure(client.request({ path: '/case/1' }));
    expect(isReauth(error)).toBe(true);
    expect(error.status).toBe(401);
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('turns 403 into a re-auth error', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 403, {}));
    expect((await failure(client.request({ path: '/x' }))).kind).toBe('reauth');
  });

  it('turns 400 into a fatal error without retrying', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 400, { error: 'invalid' }));
    const error = await failure(client.request({ method: 'PUT', path: '/x', body: { json: { a: 1 } } }));
    expect(isFatal(error)).toBe(true);
    expect(error.code).toBe('HTTP_400');
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('does not follow a redirect: a 302 is fatal by default', async () => {
    const { server, client } = await setup((_req, res) => {
      res.writeHead(302, { location: '/login' });
      res.end();
    });
    const error = await failure(client.request({ path: '/x' }));
    expect(error.kind).toBe('fatal');
    expect(error.status).toBe(302);
    expect(server.requests.map((r) => r.url)).toEqual(['/x']);
  });
});

describe('non-idempotent requests', () => {
  it('does not retry a POST the server received and failed on', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 500, {}));
    const error = await failure(client.request({ method: 'POST', path: '/tickets/add', body: { json: { a: 1 } } }));
    expect(error.kind).toBe('retryable');
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a POST whose connection dropped after the server read it', async () => {
    const { server, client } = await setup((_req, res) => res.socket?.destroy());
    const error = await failure(client.request({ method: 'POST', path: '/tickets/add', body: { form: { a: 1 } } }));
    expect(error.kind).toBe('retryable');
    expect(error.code).toBe('UND_ERR_SOCKET');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST marked idempotent', async () => {
    const { server, client } = await setup((_req, res, i) =>
      i === 0 ? res.socket?.destroy() : sendJson(res, 200, []),
    );
    const response = await client.request({ method: 'POST', path: '/tickets/items', idempotent: true });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a POST that was refused with 429 (the server did not act on it)', async () => {
    const { server, client } = await setup((_req, res, i) =>
      i === 0 ? sendJson(res, 429, {}) : sendJson(res, 201, {}),
    );
    const response = await client.request({ method: 'POST', path: '/tickets/add', body: { json: {} } });
    expect(response.status).toBe(201);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe('{}');
  });

  it('retries a POST whose connection was refused, then reports the connect error', async () => {
    const port = await closedPort();
    const client = createHttpClient({ baseUrl: `http://127.0.0.1:${port}`, connectionId: 'c', retry: fastRetry });
    clients.push(client);
    const error = await failure(client.request({ method: 'POST', path: '/tickets/add', body: { json: {} } }));
    expect(error.kind).toBe('retryable');
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.attempts).toBe(3);
    expect(error.status).toBeUndefined();
  });
});

describe('timeouts', () => {
  it('times out on a server that never answers, and retries a GET', async () => {
    const { server, client } = await setup(() => undefined, { timeouts: { overallMs: 100 } });
    const started = Date.now();
    const error = await failure(client.request({ path: '/slow' }));
    expect(error.kind).toBe('retryable');
    expect(error.code).toBe('TIMEOUT');
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports the headers timeout (undici checks it at about 1 s resolution)', async () => {
    const { server, client } = await setup(() => undefined, {
      timeouts: { headersMs: 100 },
      retry: { ...fastRetry, attempts: 1 },
    });
    const error = await failure(client.request({ path: '/slow' }));
    expect(error.kind).toBe('retryable');
    expect(error.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(server.requests).toHaveLength(1);
  });

  it('applies the overall per-attempt timeout to a body that trickles', async () => {
    const { server, client } = await setup(
      (_req, res, i) => {
        if (i > 0) return sendJson(res, 200, { ok: true });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"ok":');
        const timer = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(timer));
      },
      { timeouts: { overallMs: 150 } },
    );
    const response = await client.request({ path: '/trickle' });
    expect(response.json()).toEqual({ ok: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a POST that timed out (the server may have acted)', async () => {
    const { server, client } = await setup(() => undefined);
    const error = await failure(client.request({ method: 'POST', path: '/add', timeoutMs: 100 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.kind).toBe('retryable');
    expect(error.attempts).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("rethrows the caller's abort without retrying", async () => {
    const { client } = await setup(() => undefined);
    const controller = new AbortController();
    const pending = client.request({ path: '/slow', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('shutting down')), 50);
    await expect(pending).rejects.toThrow('shutting down');
  });
});

describe('requests', () => {
  it('sends query, headers and each kind of body; resolves paths under the base path', async () => {
    server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = createHttpClient({ baseUrl: `${server.url}/0/ssp/rest`, connectionId: 'c' });
    clients.push(client);
    await client.request({
      path: '/case',
      query: { a: 'x y', skip: undefined, ids: [1, 2] },
      headers: { 'X-Test': '1' },
    });
    await client.request({ method: 'post', path: 'case', body: { json: { subject: 'Ü' } } });
    await client.request({ method: 'POST', path: 'form', body: { form: { login: 'a', n: 3 } } });
    await client.request({ method: 'POST', url: `${server.url}/abs`, body: { raw: 'abc', contentType: 'text/plain' } });
    const [get, json, form, raw] = server.requests;
    expect(get!.url).toBe('/0/ssp/rest/case?a=x+y&ids=1&ids=2');
    expect(get!.headers['x-test']).toBe('1');
    expect(json).toMatchObject({ method: 'POST', url: '/0/ssp/rest/case', body: '{"subject":"Ü"}' });
    expect(json!.headers['content-type']).toBe('application/json');
    expect(form!.body).toBe('login=a&n=3');
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(raw).toMatchObject({ url: '/abs', body: 'abc' });
    expect(raw!.headers['content-type']).toBe('text/plain');
  });
});
