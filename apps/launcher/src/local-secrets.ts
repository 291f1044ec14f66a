import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface LocalSecrets {
  ADMIN_API_KEY: string;
  EXTERNAL_SYSTEM_KEYS: string;
  CREDENTIALS_KEYS: string;
}

/**
 * For the embedded default only: secrets that the environment does not give are generated once
 * and kept in `<dataDir>/secrets/` (mode 600), so a second start finds the same keys. Their
 * values are never logged; the log names the files.
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<{ secrets: LocalSecrets; folder: string }> {
  const folder = path.join(dataDir, 'secrets');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const secrets: LocalSecrets = {
    ADMIN_API_KEY: await readOrCreate(folder, 'admin-api-key', () => randomBytes(24).toString('base64url')),
    EXTERNAL_SYSTEM_KEYS: await readOrCreate(
      folder,
      'external-system-keys',
      () => `dispatch:${randomBytes(24).toString('base64url')}`,
    ),
    CREDENTIALS_KEYS: await readOrCreate(
      folder,
      'credentials-keys',
      () => `local1:${randomBytes(32).toString('base64')}`,
    ),
  };
  return { secrets, folder };
}

async function readOrCreate(folder: string, name: string, create: () => string): Promise<string> {
  const file = path.join(folder, name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const value = create();
    await writeFile(file, `${value}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    return value;
  }
}
