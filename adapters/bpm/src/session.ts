import { HttpError, type HttpClient, type ResponseClassifier } from '@callbridge/http';
import type { BpmConfig, BpmCredentials } from './config.js';
import { loginAnswerSchema } from './schemas.js';

const LOGIN_PATH = 'ServiceModel/AuthService.svc/Login';

interface SessionState {
  login: Promise<void> | undefined;
  lastLoginAt: number;
}

/** Per cookie jar (one per connection and worker process, kept between jobs): one login at a time. */
const states = new WeakMap<object, SessionState>();

/** The login's answer: HTTP 200 with `Code` 1 is a refusal (digest §2.1), fatal, never retried. */
const classifyLogin =
  (login: string): ResponseClassifier =>
  (response) => {
    if (response.status >= 500 || response.status === 429) return undefined;
    const answer = loginAnswerSchema.safeParse(safeJson(response.text()));
    if (response.status === 200 && answer.success && answer.data.Code === 0) return 'ok';
    const reason = answer.success ? answer.data.Message || `Code ${answer.data.Code}` : `HTTP ${response.status}`;
    return { kind: 'fatal', code: 'BPM_LOGIN_REFUSED', message: `BPM refused the login of "${login}": ${reason}` };
  };

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * The BPM cookie session (digest §2): logs in when the jar holds no session, and again — once — when
 * a request says the session is gone. Logins of one jar never overlap and are spaced by
 * `loginMinIntervalMs`, so a refused password cannot turn into a login loop.
 */
export function bpmSession(http: HttpClient, credentials: BpmCredentials, config: BpmConfig) {
  const jar = http.cookies;
  if (!jar) throw new Error('the BPM adapter needs the connection cookie jar');
  let state = states.get(jar);
  if (!state) {
    state = { login: undefined, lastLoginAt: 0 };
    states.set(jar, state);
  }
  const session = state;

  async function logIn(): Promise<void> {
    const wait = session.lastLoginAt + config.loginMinIntervalMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    session.lastLoginAt = Date.now();
    await jar!.clear();
    await http.request({
      method: 'POST',
      path: LOGIN_PATH,
      headers: { ForceUseSession: 'true' },
      body: {
        json: {
          [config.loginFieldNames.login]: credentials.login,
          [config.loginFieldNames.password]: credentials.password,
        },
      },
      idempotent: true,
      classify: classifyLogin(credentials.login),
      operation: 'bpm.login',
    });
    if (!(await jar!.getCookie('BPMCSRF'))) {
      throw new HttpError({
        kind: 'fatal',
        code: 'BPM_LOGIN_NO_SESSION',
        message: 'BPM accepted the login but set no BPMCSRF session cookie',
        request: { method: 'POST', url: LOGIN_PATH },
        attempts: 1,
      });
    }
  }

  /** One login for everyone waiting on this jar. */
  function shared(): Promise<void> {
    session.login ??= logIn().finally(() => (session.login = undefined));
    return session.login;
  }

  return {
    /** The CSRF token to echo as the `BPMCSRF` header; logs in first when there is no session. */
    async csrfToken(): Promise<string> {
      if (session.login) await session.login;
      const token = await jar.getCookie('BPMCSRF');
      if (token) return token;
      await shared();
      return (await jar.getCookie('BPMCSRF'))!;
    },
    /** The session was refused: forget it and log in again (callers retry their request once). */
    async renew(staleToken: string): Promise<void> {
      // Another request may already have renewed it.
      if ((await jar.getCookie('BPMCSRF')) !== staleToken && !session.login) return;
      await shared();
    },
  };
}
