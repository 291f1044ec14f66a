import { isHttpError } from '@callbridge/http';
import { ConnectionError } from '@callbridge/sync';
import { UnrecoverableError } from 'bullmq';

/**
 * Runs a job's work, failing the job at once (no further attempts) when retrying cannot help:
 * refused credentials, a request the system rejects, a connection whose settings are broken. Such
 * jobs wait in the failed list until someone fixes the connection and replays them.
 */
export async function failFastWhenHopeless<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isHttpError(error) && error.kind !== 'retryable')
      throw new UnrecoverableError(`${error.kind}: ${error.message}`);
    if (error instanceof ConnectionError) throw new UnrecoverableError(error.message);
    throw error;
  }
}
