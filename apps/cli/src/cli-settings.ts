import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the CLI needs from its environment; with the embedded default, `.data/secrets` fills the gaps. */
export interface CliSettings {
  apiUrl: string;
  adminKey: string | undefined;
  dataDir: string;
  env: NodeJS.ProcessEnv;
}

async function secretFile(dataDir: string, name: string): Promise<string | undefined> {
  try {
    return (await readFile(path.join(dataDir, 'secrets', name), 'utf8')).trim();
  } catch {
    return undefined;
  }
}

export async function cliSettings(env: NodeJS.ProcessEnv): Promise<CliSettings> {
  const dataDir = env.DATA_DIR || '.data';
  return {
    apiUrl: env.CALLBRIDGE_API_URL || `http://${env.HOST || '127.0.0.1'}:${env.PORT || '5000'}`,
    adminKey: env.ADMIN_API_KEY || (await secretFile(dataDir, 'admin-api-key')),
    dataDir,
    env: { ...env, CREDENTIALS_KEYS: env.CREDENTIALS_KEYS || (await secretFile(dataDir, 'credentials-keys')) },
  };
}
