/** What must never reach a log line or an error message. */
export interface RedactionOptions {
  /** Exact secret values (tokens, passwords) masked wherever they appear, also URL-encoded. */
  secretValues?: readonly string[];
  /** Extra query/form parameter names whose values are masked (case-insensitive). */
  secretParams?: readonly string[];
  /** Extra header names whose values are masked (case-insensitive). */
  secretHeaders?: readonly string[];
}

export interface Redactor {
  url(url: URL | string): string;
  headers(headers: Record<string, string | string[] | undefined>): Record<string, string>;
  text(text: string): string;
}

export const MASK = '***';

export const DEFAULT_SECRET_PARAMS = [
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'apitoken',
  'key',
  'password',
  'passwd',
  'userpassword',
  'secret',
  'client_secret',
  'signature',
  'sig',
  'auth',
];

export const DEFAULT_SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-auth-token',
  'bpmcsrf',
];

export function createRedactor(options: RedactionOptions = {}): Redactor {
  const params = new Set([...DEFAULT_SECRET_PARAMS, ...(options.secretParams ?? [])].map((p) => p.toLowerCase()));
  const headerNames = new Set(
    [...DEFAULT_SECRET_HEADERS, ...(options.secretHeaders ?? [])].map((h) => h.toLowerCase()),
  );
  // Longest first, so a secret containing another is masked whole.
  const values = [...new Set((options.secretValues ?? []).flatMap(encodings))]
    .filter((v) => v.length > 0)
    .sort((a, b) => b.length - a.length);

  const text = (input: string): string => values.reduce((out, secret) => out.split(secret).join(MASK), input);

  const url = (input: URL | string): string => {
    let parsed: URL;
    try {
      parsed = new URL(input);
    } catch {
      return text(String(input));
    }
    if (parsed.password) parsed.password = MASK;
    for (const name of [...parsed.searchParams.keys()]) {
      if (params.has(name.toLowerCase())) parsed.searchParams.set(name, MASK);
    }
    return text(parsed.toString());
  };

  const headers = (input: Record<string, string | string[] | undefined>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(input)) {
      if (value === undefined) continue;
      const joined = Array.isArray(value) ? value.join(', ') : value;
      out[name] = headerNames.has(name.toLowerCase()) ? MASK : text(joined);
    }
    return out;
  };

  return { url, headers, text };
}

function encodings(value: string): string[] {
  return [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2)];
}
