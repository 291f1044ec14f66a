import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BpmRefusal, CaseStore, type CaseRecord } from './cases.js';
import { DEFAULT_LOGIN_FIELDS, MinuteLimiter, Sessions, type Session } from './sessions.js';
import { seededRandom } from '@callbridge/testkit';

/** Switches that change the simulator's behaviour at run time. */
export interface BpmSwitches {
  /** Requests per rolling minute per user above which the "Exceeded…" error is answered. Unset: no limit. */
  perMinuteLimit?: number;
  /** Share of requests answered 503 without being applied. */
  failureRate?: number;
  /** Idle time after which a session is refused with 401 (default 30 minutes). */
  sessionTtlMs?: number;
  /** Makes the failure choices repeatable. */
  seed?: number;
  /** Delay before every answer. */
  latencyMs?: number;
  /** The next N requests answer 503 (unapplied), whatever `failureRate` says. */
  failNext?: number;
  /** The next N case-service writes (POST) are applied and their answer held for `hangMs` (a lost answer). */
  hangNextWrites?: number;
  hangMs?: number;
}

export interface BpmSimulatorOptions {
  port?: number;
  host?: string;
  users?: { login: string; password: string }[];
  /** Login body field pairs accepted (default: `login`/`password` and `UserName`/`UserPassword`). */
  loginFields?: { login: string; password: string }[];
  switches?: BpmSwitches;
}

export interface BpmSimulator {
  /** The portal origin (`{hostname}` of the source), what an admin configures. */
  url: string;
  set(switches: BpmSwitches): void;
  expireSessions(): void;
  cases(): CaseRecord[];
  stats: { requests: number; logins: number; failedLogins: number; rateLimited: number; failed: number };
  /** Acting as a support specialist of the Operator. */
  specialist: {
    setStatus(caseNumber: string, statusCode: number, solution?: string): void;
    addMessage(caseNumber: string, text: string): void;
  };
  close(): Promise<void>;
}

export const RATE_LIMITED = 'Exceeded the maximum number of request per minute';
const SERVICES = '/0/ssp/rest/PublicWebServices/';
const DEFAULT_TTL_MS = 30 * 60_000;

type Service = 'case' | 'message' | 'file' | 'update_case' | 'cases';

/** The envelope differs by method (digest §3): `file` uses `error_message`, `update_case` has no `ok`. */
function failure(service: Service, error: string, number?: string): Record<string, unknown> {
  if (service === 'file') return { ok: false, error_message: error };
  if (service === 'update_case') return { data: number ?? '', error };
  return { ok: false, error };
}

/** The CRPT support desk's case API (digest `bpm-api.md`) on a Creatio-like cookie session, over real HTTP. */
export async function startBpmSimulator(options: BpmSimulatorOptions = {}): Promise<BpmSimulator> {
  const users = new Map((options.users ?? [{ login: 'demo', password: 'demo' }]).map((u) => [u.login, u.password]));
  let switches: BpmSwitches = { ...options.switches };
  let random = seededRandom(switches.seed ?? Date.now());
  const sessions = new Sessions(
    users,
    options.loginFields ?? DEFAULT_LOGIN_FIELDS,
    () => switches.sessionTtlMs ?? DEFAULT_TTL_MS,
  );
  const limiter = new MinuteLimiter();
  const store = new CaseStore();
  const stats = { requests: 0, logins: 0, failedLogins: 0, rateLimited: 0, failed: 0 };
  const sockets = new Set<Socket>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      handle(request, response, Buffer.concat(chunks)).catch((error: unknown) => {
        if (!response.headersSent) send(response, 500, { ok: false, error: String(error) });
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const held = new WeakSet<ServerResponse>();
  function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string[]> = {}) {
    if (response.destroyed) return;
    if (held.delete(response)) {
      const timer = setTimeout(() => send(response, status, body, headers), switches.hangMs ?? 30_000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  }

  async function handle(request: IncomingMessage, response: ServerResponse, body: Buffer) {
    stats.requests += 1;
    if (switches.latencyMs) await new Promise((resolve) => setTimeout(resolve, switches.latencyMs));
    if ((switches.failNext ?? 0) > 0 || random() < (switches.failureRate ?? 0)) {
      if (switches.failNext) switches.failNext -= 1;
      stats.failed += 1;
      return send(response, 503, { ok: false, error: 'Service Unavailable' });
    }
    const url = new URL(request.url ?? '/', 'http://bpm');
    const path = url.pathname;
    const now = Date.now();

    if (path.toLowerCase() === '/servicemodel/authservice.svc/login') {
      if (request.method !== 'POST') return send(response, 405, { Message: 'Method not allowed' }, { allow: ['POST'] });
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8') || '{}');
      } catch {
        parsed = undefined;
      }
      const answer = sessions.login(parsed, now);
      if (answer.session) stats.logins += 1;
      else stats.failedLogins += 1;
      // A failed login is still HTTP 200: only `Code` tells (digest §2.1).
      return send(response, 200, answer.body, answer.cookies.length ? { 'set-cookie': answer.cookies } : {});
    }
    if (!path.startsWith('/0/')) return send(response, 404, { Message: 'Not found' });

    const header = request.headers.bpmcsrf;
    const check = sessions.check(request.headers.cookie, Array.isArray(header) ? header[0] : header, now);
    if (!check.ok) return send(response, check.status, check.body);
    if (!path.startsWith(SERVICES)) {
      return send(response, 403, { Message: 'Access to non-SSP API is denied for portal users' });
    }
    const [service, argument, extra] = path.slice(SERVICES.length).split('/');
    if (request.method === 'POST' && service !== 'cases' && (switches.hangNextWrites ?? 0) > 0) {
      switches.hangNextWrites! -= 1;
      held.add(response);
    }
    route(request, response, check.session, service ?? '', argument, extra, url, body, now);
  }

  function route(
    request: IncomingMessage,
    response: ServerResponse,
    session: Session,
    service: string,
    argument: string | undefined,
    extra: string | undefined,
    url: URL,
    body: Buffer,
    now: number,
  ) {
    const get = request.method === 'GET';
    const known: Record<string, boolean> = {
      case: get ? argument !== undefined && extra === undefined : argument === undefined,
      message: !get && argument === undefined,
      file: get ? argument !== undefined && extra === undefined : argument === undefined,
      update_case: !get && argument === undefined,
      cases: !get && argument === undefined,
    };
    if (!Object.hasOwn(known, service) || !known[service]) return send(response, 403, { Message: 'Forbidden' });
    const name = service as Service;

    if (!limiter.take(session.user, switches.perMinuteLimit, now)) {
      stats.rateLimited += 1;
      return send(response, 200, failure(name, RATE_LIMITED));
    }

    let json: Record<string, unknown> = {};
    if (!get && name !== 'file') {
      try {
        const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
        else throw new Error('not an object');
      } catch {
        return send(response, 200, failure(name, 'Invalid JSON body'));
      }
    }

    try {
      if (name === 'file' && get) {
        const file = store.file(decodeURIComponent(argument!));
        if (!file) return send(response, 404, failure('file', 'File not found'));
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': String(file.size),
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
        return response.end(file.content);
      }
      switch (name) {
        case 'case':
          if (get) return send(response, 200, { ok: true, data: [store.get(decodeURIComponent(argument!))] });
          return send(response, 200, { ok: true, data: store.create(json, session.user) });
        case 'message':
          return send(response, 200, { ok: true, data: store.addMessage(json, session.user, 'participant') });
        case 'file':
          store.addFile(url.searchParams, body, session.user);
          return send(response, 200, { ok: true });
        case 'update_case':
          return send(response, 200, { data: store.update(json) });
        case 'cases':
          return send(response, 200, { ok: true, ...store.list(json, session.user) });
      }
    } catch (error) {
      if (!(error instanceof BpmRefusal)) throw error;
      const number = typeof json.number === 'string' ? json.number : undefined;
      return send(response, 200, failure(name, error.message, number));
    }
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  store.baseUrl = url;

  return {
    url,
    set(next) {
      switches = { ...switches, ...next };
      if (next.seed !== undefined) random = seededRandom(next.seed);
    },
    expireSessions: () => sessions.expireAll(),
    cases: () => store.records(),
    stats,
    specialist: {
      setStatus: (caseNumber, statusCode, solution) => store.setStatus(caseNumber, statusCode, solution),
      addMessage: (caseNumber, text) => void store.supportMessage(caseNumber, text),
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
