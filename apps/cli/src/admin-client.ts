import { request } from 'undici';

export class CliError extends Error {
  override name = 'CliError';
}

/** The admin API of a running CallBridge (`Authorization: Bearer $ADMIN_API_KEY`). */
export function adminClient(apiUrl: string, adminKey: string) {
  return async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    let response;
    try {
      response = await request(new URL(path, apiUrl), {
        method,
        headers: {
          authorization: `Bearer ${adminKey}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new CliError(`cannot reach the API at ${apiUrl} (${(error as Error).message}); is \`pnpm start\` running?`);
    }
    const text = await response.body.text();
    if (response.statusCode >= 400) {
      let message = text;
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new CliError(`${method} ${path} → ${response.statusCode}: ${message}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
