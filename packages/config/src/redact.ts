/**
 * pino `redact` paths for every place a secret can appear in a log object: request headers,
 * adapter credentials, tokens, passwords and connection strings.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.hashedPassword',
  '*.token',
  '*.apiToken',
  '*.credentials',
  'credentials',
  'config.ADMIN_API_KEY',
  'config.EXTERNAL_SYSTEM_KEYS',
  'config.CREDENTIALS_KEYS',
  'config.DATABASE_URL',
  'config.REDIS_URL',
];

/** A connection string with its password replaced, safe to log. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable url)';
  }
}
