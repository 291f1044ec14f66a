import { CookieJar } from 'tough-cookie';

/**
 * The session cookies of one connection (tough-cookie underneath). The client sends the matching
 * cookies with every request and stores every `Set-Cookie` it receives — on any status, redirects
 * included (redirects are not followed). Adapters read a cookie to echo it as a header (BPM's
 * `BPMCSRF`) and `clear()` the jar before logging in again.
 */
export class ConnectionCookieJar {
  private readonly jar = new CookieJar(undefined, { looseMode: true });

  /** `baseUrl` is where `getCookie` looks by default: the connection's base URL. */
  constructor(private readonly baseUrl: string) {}

  /** The `Cookie` header value for a request to `url`, or undefined when no cookie matches. */
  async cookieHeader(url: string): Promise<string | undefined> {
    const header = await this.jar.getCookieString(url);
    return header === '' ? undefined : header;
  }

  /** Stores the `Set-Cookie` headers of a response from `url`; malformed ones are ignored. */
  async store(url: string, setCookie: string | string[] | undefined): Promise<void> {
    if (setCookie === undefined) return;
    for (const header of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      await this.jar.setCookie(header, url, { ignoreError: true });
    }
  }

  /** The value of the cookie `name` that would be sent to `url` (default: the base URL). */
  async getCookie(name: string, url: string = this.baseUrl): Promise<string | undefined> {
    const cookies = await this.jar.getCookies(url);
    return cookies.find((cookie) => cookie.key === name)?.value;
  }

  /** Every stored cookie value: session secrets the redactor masks in error snippets. */
  async values(): Promise<string[]> {
    const cookies = await this.jar.store.getAllCookies();
    return cookies.map((cookie) => cookie.value).filter((value) => value.length >= 4);
  }

  /** Forgets every cookie (before a fresh login). */
  async clear(): Promise<void> {
    await this.jar.removeAllCookies();
  }
}

export function createCookieJar(baseUrl: string): ConnectionCookieJar {
  return new ConnectionCookieJar(baseUrl);
}
