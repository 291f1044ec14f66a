import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import { OBJECT_TYPES, type ObjectType, type StoredTicket } from './records.js';
import { Task24Refusal, Task24Store } from './store.js';
import { seededRandom } from '@callbridge/testkit';

/** Switches that make the simulator misbehave, for tests and benchmarks. */
export interface Task24Faults {
  /** Share of requests answered 503 without being applied. */
  failureRate?: number;
  /** Share of requests applied and then left unanswered for `hangMs` (the lost-answer hazard). */
  timeoutRate?: number;
  hangMs?: number;
  /** Delay before every answer. */
  latencyMs?: number;
  /** Requests per rolling second above which the answer is 429 with Retry-After. */
  rateLimitPerSecond?: number;
  /** Makes the random choices repeatable. */
  seed?: number;
  /** The next N requests answer 503 (unapplied) whatever the rates say. */
  failNext?: number;
  /** The next N writes are applied and left unanswered. */
  hangNextWrites?: number;
}

export interface Task24SimulatorOptions {
  port?: number;
  host?: string;
  tokens?: string[];
  timeZone?: string;
  faults?: Task24Faults;
  /** Told the moment a ticket is added (benchmarks time push lag with it). */
  onTicketAdded?: (ticket: { id: string; subject: string | null }) => void;
}

export interface Task24Simulator {
  /** The base URL a connection is configured with, ending in `/data/`. */
  url: string;
  setFaults(faults: Task24Faults): void;
  tickets(): StoredTicket[];
  stats: { requests: number; failed: number; timedOut: number; rateLimited: number; writes: number };
  /** Acting as a field worker in task24. */
  worker: {
    take(ticketId: string, at?: Date): void;
    complete(ticketId: string, comment: string, at?: Date): void;
    cancel(ticketId: string, reason: string): void;
    comment(ticketId: string, text: string): void;
  };
  close(): Promise<void>;
}

const METHODS = ['get', 'items', 'add', 'save', 'delete'] as const;
type Method = (typeof METHODS)[number];

/**
 * A task24.pro Data API (digest `task24-api.md`) over real HTTP: both addressing styles, parameters
 * from the query and from a urlencoded POST body, the token, test mode, the envelope, the four
 * object types with their five methods, and fault switches.
 */
export async function startTask24Simulator(options: Task24SimulatorOptions = {}): Promise<Task24Simulator> {
  const tokens = new Set(options.tokens ?? ['demo', 'operator']);
  const store = new Task24Store(options.timeZone ?? 'Europe/Moscow');
  let faults: Task24Faults = { ...options.faults };
  let random = seededRandom(faults.seed ?? Date.now());
  const recent: number[] = [];
  const sockets = new Set<Socket>();
  const stats = { requests: 0, failed: 0, timedOut: 0, rateLimited: 0, writes: 0 };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse, body: string) {
    stats.requests += 1;
    const started = Date.now();
    const send = (status: number, envelope: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const answer = () => {
        if (response.destroyed) return;
        const worktime = (Date.now() - started) / 1000;
        response
          .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
          .end(JSON.stringify({ ...envelope, worktime, time: store.now() }));
      };
      if (faults.latencyMs) setTimeout(answer, faults.latencyMs);
      else answer();
    };
    const fail = (code: string, errormsg: string, errors: Record<string, string> = {}, status = 200, headers = {}) =>
      send(status, { success: false, data: null, error: code, errormsg, errors }, headers);

    if (request.url?.startsWith('/control/')) return control(request, response, body);
    if (faults.rateLimitPerSecond) {
      const now = Date.now();
      while (recent.length > 0 && recent[0]! <= now - 1000) recent.shift();
      if (recent.length >= faults.rateLimitPerSecond) {
        stats.rateLimited += 1;
        return fail('limit', 'too many requests', {}, 429, { 'retry-after': '1' });
      }
      recent.push(now);
    }
    if ((faults.failNext ?? 0) > 0 || random() < (faults.failureRate ?? 0)) {
      if (faults.failNext) faults.failNext -= 1;
      stats.failed += 1;
      return fail('unavailable', 'service temporarily unavailable', {}, 503);
    }

    const url = new URL(request.url ?? '/', 'http://task24');
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    if (request.method === 'POST' && body) Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
    const [, data, type, pathMethod] = url.pathname.split('/');
    const method = (pathMethod || params.method || '') as Method;
    if (data !== 'data') return fail('invalid', 'unknown path', { path: url.pathname }, 404);
    if (!params.token || !tokens.has(params.token)) return fail('token', 'invalid token', {}, 401);
    // An unknown type or method is one unknown API method "<type>/<method>" to the caller.
    if (!OBJECT_TYPES.includes(type as ObjectType) || !METHODS.includes(method)) {
      return fail('invalid', 'unknown method', { method: `${type ?? ''}/${method}` });
    }

    const testMode = params.testmode === '1';
    const write = method === 'add' || method === 'save' || method === 'delete';
    const hang = write && ((faults.hangNextWrites ?? 0) > 0 || random() < (faults.timeoutRate ?? 0));
    let envelope: Record<string, unknown>;
    try {
      envelope = run(type as ObjectType, method, params, testMode);
      if (write && !testMode) stats.writes += 1;
      if (type === 'tickets' && method === 'add' && !testMode) {
        const ticket = envelope.data as { id: string; subject?: string | null };
        options.onTicketAdded?.({ id: ticket.id, subject: ticket.subject ?? null });
      }
    } catch (error) {
      if (error instanceof Task24Refusal) return fail(error.code, error.message, error.errors);
      return fail('internal', `simulator error: ${(error as Error).message}`, {}, 500);
    }
    if (hang) {
      if (faults.hangNextWrites) faults.hangNextWrites -= 1;
      stats.timedOut += 1;
      const timer = setTimeout(() => send(200, envelope), faults.hangMs ?? 30_000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    send(200, envelope);
  }

  /** The demo's "act as a person in task24" endpoints (not part of task24's API; no token, no faults). */
  function control(request: IncomingMessage, response: ServerResponse, body: string) {
    const answer = (status: number, value: unknown) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value, null, 2));
    const [, , resource, id, action] = (request.url ?? '').split('?')[0]!.split('/');
    if (resource !== 'tickets') return answer(404, { error: 'unknown control path' });
    if (request.method === 'GET' && !id) return answer(200, store.tickets());
    let text = '';
    try {
      const parsed = body ? (JSON.parse(body) as { text?: unknown }).text : undefined;
      text = typeof parsed === 'string' ? parsed : '';
    } catch {
      return answer(400, { error: 'the body must be JSON: {"text": "…"}' });
    }
    const acts: Record<string, () => void> = {
      take: () => store.act(id!, { state: 'processing', at: new Date() }, 'Worker'),
      complete: () => store.act(id!, { state: 'completed', comment: text || 'Done', at: new Date() }, 'Worker'),
      cancel: () => store.act(id!, { state: 'cancelled', comment: text || 'Cancelled' }, 'Operator'),
      comment: () => store.act(id!, { comment: text || '(empty)' }, 'Worker'),
    };
    const act = request.method === 'POST' && action ? acts[action] : undefined;
    if (!act) return answer(404, { error: 'use POST /control/tickets/<id>/take|complete|cancel|comment' });
    try {
      act();
    } catch (error) {
      return answer(404, { error: (error as Error).message });
    }
    return answer(
      200,
      store.tickets().find((ticket) => ticket.id === id),
    );
  }

  function run(type: ObjectType, method: Method, params: Record<string, string>, testMode: boolean) {
    const ok = (data: unknown) => ({ success: true, data, error: null, errormsg: null, errors: null });
    switch (method) {
      case 'get':
        return ok(store.get(type, params.id));
      case 'items': {
        const { data, stat } = store.items(type, params.filter);
        return { ...ok(data), ...(stat ? { stat } : {}) };
      }
      case 'add':
        return ok(store.add(type, params, testMode));
      case 'save':
        return ok(store.save(type, params, testMode));
      case 'delete':
        return ok(store.delete(type, params.id, testMode));
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}/data/`,
    setFaults(next) {
      faults = { ...next };
      if (next.seed !== undefined) random = seededRandom(next.seed);
    },
    tickets: () => store.tickets(),
    stats,
    worker: {
      take: (ticketId, at = new Date()) => store.act(ticketId, { state: 'processing', at }, 'Worker'),
      complete: (ticketId, comment, at = new Date()) =>
        store.act(ticketId, { state: 'completed', comment, at }, 'Worker'),
      cancel: (ticketId, reason) => store.act(ticketId, { state: 'cancelled', comment: reason }, 'Operator'),
      comment: (ticketId, text) => store.act(ticketId, { comment: text }, 'Worker'),
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
