/** Query parameters and form fields whose values never reach a log line. */
export const DEFAULT_SECRET_NAMES = [
  'token',
  'apitoken',
  'api_key',
  'apikey',
  'password',
  'secret',
  'key',
  'access_token',
];

/** The URL with the values of secret query parameters replaced by `***`. */
export function redactUrl(url: URL, secretNames: readonly string[] = DEFAULT_SECRET_NAMES): string {
  const copy = new URL(url);
  const secret = new Set(secretNames.map((name) => name.toLowerCase()));
  for (const name of [...copy.searchParams.keys()]) {
    if (secret.has(name.toLowerCase())) copy.searchParams.set(name, '***');
  }
  if (copy.password) copy.password = '***';
  return copy.toString().replaceAll('%2A%2A%2A', '***');
}
