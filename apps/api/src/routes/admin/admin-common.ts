import type { ConnectionAdminDeps } from '@callbridge/sync';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';

export const connectionIdParams = z.object({ id: z.uuid('must be a connection id (uuid)') });

/** What the sync package's connection services need from the API's dependencies. */
export function connectionAdminDeps(deps: ApiDeps): ConnectionAdminDeps {
  return { db: deps.db, registry: deps.adapters, keys: deps.config.CREDENTIALS_KEYS ?? [] };
}
