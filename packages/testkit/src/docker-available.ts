import { existsSync } from 'node:fs';

/**
 * Cheap check for a Docker engine before trying testcontainers (which otherwise fails only after
 * probing every runtime strategy). `CALLBRIDGE_TESTKIT=local` forces local servers.
 */
export async function dockerAvailable(): Promise<boolean> {
  if (process.env.CALLBRIDGE_TESTKIT === 'local') return false;
  if (!process.env.DOCKER_HOST && !existsSync('/var/run/docker.sock')) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}
