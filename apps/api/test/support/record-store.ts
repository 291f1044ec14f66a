import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredRecord {
  id: string;
  key: string;
  subject: string;
  comments: string[];
}

/**
 * A tiny external system for engine tests: records with a natural key, comments on them, a token
 * check, and a switch that answers the next N writes with 503.
 */
export async function startRecordStore(token: string) {
  const records: StoredRecord[] = [];
  const state = { failNextWrites: 0, requests: 0 };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      state.requests += 1;
      const url = new URL(request.url ?? '/', 'http://store');
      const send = (status: number, value: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (url.searchParams.get('token') !== token) return send(401, { error: 'bad token' });
      if (request.method === 'POST' && state.failNextWrites > 0) {
        state.failNextWrites -= 1;
        return send(503, { error: 'try later' });
      }
      if (request.method === 'GET' && url.pathname === '/records') {
        return send(
          200,
          records.filter((record) => record.key === url.searchParams.get('key')),
        );
      }
      if (request.method === 'POST' && url.pathname === '/records') {
        const input = JSON.parse(body) as { key: string; subject: string };
        const record = { id: `R${records.length + 1}`, key: input.key, subject: input.subject, comments: [] };
        records.push(record);
        return send(201, record);
      }
      const comment = /^\/records\/([^/]+)\/comments$/.exec(url.pathname);
      if (request.method === 'POST' && comment) {
        const record = records.find((candidate) => candidate.id === comment[1]);
        if (!record) return send(404, {});
        record.comments.push((JSON.parse(body) as { text: string }).text);
        return send(201, {});
      }
      send(404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    records,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
