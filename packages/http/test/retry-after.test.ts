import { afterEach, describe, expect, it } from 'vitest';
import { createHttpClient, HttpError, type Failure, type HttpClientOptions } from '../src/index.js';
import { sendJson, startServer, type Handler, type TestServer } from './support/test-server.js';

const retry = { attempts: 2, baseDelayMs: 5, maxDelayMs: 10, retryAfterCapMs: 300, jitter: 0 };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(handler: Handler, options: Partial<HttpClientOptions> = {}) {
  server = await startServer(handler);
  return { server, client: createHttpClient({ baseUrl: server.url, connectionId: 'c', retry, ...options }) };
}

/** Milliseconds between the first and the second request the server saw. */
function gap(server: TestServer, times: number[]) {
  expect(server.requests).toHaveLength(2);
  return times[1]! - times[0]!;
}

describe('Retry-After', () => {
  it('waits the seconds a 429 asks for', async () => {
    const times: number[] = [];
    const { server, client } = await setup(
      (_req, res, i) => {
        times.push(Date.now());
        if (i === 0) sendJson(res, 429, {}, { 'retry-after': '1' });
        else sendJson(res, 200, {});
      },
      { retry: { ...retry, retryAfterCapMs: 5_000 } },
    );
    await client.request({ path: '/x' });
    expect(gap(server, times)).toBeGreaterThanOrEqual(950);
    await client.close();
  });

  it('waits until an HTTP-date', async () => {
    const times: number[] = [];
    const { server, client } = await setup(
      (_req, res, i) => {
        times.push(Date.now());
        // HTTP-dates have whole seconds: 1.6 s ahead is 0.6–1.6 s once truncated.
        if (i === 0) sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() + 1_600).toUTCString() });
        else sendJson(res, 200, {});
      },
      { retry: { ...retry, retryAfterCapMs: 5_000 } },
    );
    await client.request({ path: '/x' });
    const waited = gap(server, times);
    expect(waited).toBeGreaterThanOrEqual(550);
    expect(waited).toBeLessThan(1_800);
    await client.close();
  });

  it('caps a long Retry-After but keeps the full wish on the final error', async () => {
    const times: number[] = [];
    const { server, client } = await setup((_req, res) => {
      times.push(Date.now());
      sendJson(res, 429, {}, { 'retry-after': '120' });
    });
    const error = (await client.request({ path: '/x' }).catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.kind).toBe('retryable');
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.attempts).toBe(2);
    const waited = gap(server, times);
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(1_000);
    await client.close();
  });
});

describe('classify hook', () => {
  const envelope = (body: unknown): Failure | undefined => {
    const { error } = body as { error?: string };
    if (error === 'Exceeded the maximum number of request per minute') {
      return { kind: 'retryable', code: 'RATE_LIMITED', message: error, retryAfterMs: 200, processed: false };
    }
    if (error) return { kind: 'fatal', code: 'ENVELOPE_ERROR', message: error };
    return undefined;
  };

  it("turns a 200 rate-limit envelope into a retry after the adapter's delay, even for a POST", async () => {
    const times: number[] = [];
    const { server, client } = await setup(
      (_req, res, i) => {
        times.push(Date.now());
        sendJson(
          res,
          200,
          i === 0 ? { ok: false, error: 'Exceeded the maximum number of request per minute' } : { ok: true, data: 7 },
        );
      },
      { classify: (response) => envelope(response.json()) },
    );
    const response = await client.request({ method: 'POST', path: '/case', body: { json: {} } });
    expect(response.json()).toEqual({ ok: true, data: 7 });
    expect(gap(server, times)).toBeGreaterThanOrEqual(190);
    await client.close();
  });

  it('turns a 200 error envelope into a fatal error carrying its text', async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 200, { ok: false, error: 'File not found' }), {
      classify: (response) => envelope(response.json()),
    });
    const error = (await client.request({ path: '/file' }).catch((e: unknown) => e)) as HttpError;
    expect(error.kind).toBe('fatal');
    expect(error.code).toBe('ENVELOPE_ERROR');
    expect(error.message).toContain('File not found');
    expect(error.status).toBe(200);
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('lets a request override the hook', async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { Code: 1, Message: 'bad password' }), {
      classify: () => 'ok',
    });
    const error = (await client
      .request({ method: 'POST', path: '/login', classify: () => ({ kind: 'reauth', code: 'LOGIN_FAILED' }) })
      .catch((e: unknown) => e)) as HttpError;
    expect(error.kind).toBe('reauth');
    expect(error.code).toBe('LOGIN_FAILED');
    await client.close();
  });

  it('turns a hook that throws (HTML where JSON was expected) into a fatal error', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>login</html>');
      },
      { classify: (response) => envelope(response.json()) },
    );
    const error = (await client.request({ path: '/case' }).catch((e: unknown) => e)) as HttpError;
    expect(error.kind).toBe('fatal');
    expect(error.code).toBe('UNREADABLE_RESPONSE');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.response?.bodySnippet).toBe('<html>login</html>');
    await client.close();
  });
});
