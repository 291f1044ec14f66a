import { randomBytes } from 'node:crypto';

/** Body of a 401 on an expired or unknown session (what Creatio answers, digest §2.3). */
export const AUTH_FAILED = {
  Message: 'Authentication failed.',
  StackTrace: null,
  ExceptionType: 'System.InvalidOperationException',
};

export const CSRF_REFUSED = {
  Message: 'Invalid or missing BPMCSRF token.',
  StackTrace: null,
  ExceptionType: 'System.Security.Authentication.AuthenticationException',
};

/** Login body field pairs the simulator accepts: the seed's and stock Creatio's (digest §2.1). */
export const DEFAULT_LOGIN_FIELDS = [
  { login: 'login', password: 'password' },
  { login: 'UserName', password: 'UserPassword' },
];

export interface Session {
  user: string;
  loader: string;
  auth: string;
  csrf: string;
  lastSeen: number;
}

export type SessionCheck = { ok: true; session: Session } | { ok: false; status: 401 | 403; body: object };

export interface LoginAnswer {
  body: { Code: number; Message: string; Exception: null; PasswordChangeUrl: null; RedirectUrl: null };
  cookies: string[];
  session?: Session;
}

const token = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

/**
 * Cookie sessions: login, the three cookies, the echoed BPMCSRF header, and an idle timeout (Creatio's
 * `UserSessionTimeout` is an inactivity timeout, so every accepted request extends the session).
 */
export class Sessions {
  private readonly byAuth = new Map<string, Session>();

  constructor(
    private readonly users: Map<string, string>,
    private readonly loginFields: { login: string; password: string }[],
    private readonly ttlMs: () => number,
  ) {}

  login(body: unknown, now: number): LoginAnswer {
    const fail = (Message: string): LoginAnswer => ({
      body: { Code: 1, Message, Exception: null, PasswordChangeUrl: null, RedirectUrl: null },
      cookies: [],
    });
    const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const pair = this.loginFields.find(
      (names) => typeof fields[names.login] === 'string' && typeof fields[names.password] === 'string',
    );
    if (!pair) return fail('Login and password must be specified.');
    const user = fields[pair.login] as string;
    if (this.users.get(user) !== fields[pair.password]) return fail('Invalid username or password specified.');

    const session: Session = { user, loader: token(16), auth: token(64), csrf: token(11), lastSeen: now };
    this.byAuth.set(session.auth, session);
    return {
      body: { Code: 0, Message: '', Exception: null, PasswordChangeUrl: null, RedirectUrl: null },
      cookies: [
        `BPMLOADER=${session.loader}; path=/; HttpOnly`,
        `.ASPXAUTH=${session.auth}; path=/; HttpOnly`,
        `BPMCSRF=${session.csrf}; path=/`,
        `UserName=${encodeURIComponent(user)}; path=/`,
      ],
      session,
    };
  }

  /** Cookies identify the session (401 if absent, unknown or expired); the CSRF header must echo the cookie (403). */
  check(cookieHeader: string | undefined, csrfHeader: string | undefined, now: number): SessionCheck {
    const cookies = parseCookies(cookieHeader);
    const session = this.byAuth.get(cookies['.ASPXAUTH'] ?? '');
    if (!session || session.loader !== cookies.BPMLOADER) return { ok: false, status: 401, body: AUTH_FAILED };
    if (now - session.lastSeen > this.ttlMs()) {
      this.byAuth.delete(session.auth);
      return { ok: false, status: 401, body: AUTH_FAILED };
    }
    if (cookies.BPMCSRF !== session.csrf || csrfHeader !== session.csrf) {
      return { ok: false, status: 403, body: CSRF_REFUSED };
    }
    session.lastSeen = now;
    return { ok: true, session };
  }

  expireAll(): void {
    this.byAuth.clear();
  }
}

/** Requests per rolling minute per user; refused requests do not count. */
export class MinuteLimiter {
  private readonly recent = new Map<string, number[]>();

  take(user: string, limit: number | undefined, now: number): boolean {
    if (limit === undefined) return true;
    const times = (this.recent.get(user) ?? []).filter((time) => time > now - 60_000);
    this.recent.set(user, times);
    if (times.length >= limit) return false;
    times.push(now);
    return true;
  }
}
