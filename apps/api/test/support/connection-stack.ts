import { randomBytes } from 'node:crypto';
import { testQueuePrefix } from '@callbridge/testkit/vitest';
import { startApiHarness, type ApiHarness, type TestUser } from './api-harness.js';

export const ADMIN_KEY = 'admin-key-for-sync-tests-0123';

export interface ConnectionStack {
  api: ApiHarness;
  owner: TestUser;
  connectionId: string;
  queuePrefix: string;
  admin: { authorization: string };
}

/**
 * The API and one connection added through the admin API, routing one owner's calls. The worker is
 * left to the test (in process, or a child process it may kill).
 */
export async function startConnectionStack(
  adapter: { kind: string },
  connection: { baseUrl: string; credentials: object; settings?: object; pollIntervalMs?: number },
): Promise<ConnectionStack> {
  const queuePrefix = testQueuePrefix();
  const api = await startApiHarness(
    { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: `k1:${randomBytes(32).toString('base64')}` },
    { adapters: [adapter], queuePrefix },
  );
  const owner = await api.createUser(`owner-${randomBytes(3).toString('hex')}`);
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  const created = await api.app.inject({
    method: 'POST',
    url: '/admin/connections',
    headers: admin,
    payload: {
      adapter: adapter.kind,
      name: adapter.kind,
      baseUrl: connection.baseUrl,
      credentials: connection.credentials,
      settings: { timeoutMs: 1_000, ...connection.settings },
      filter: { ownerIds: [owner.id] },
      schedule: { pollIntervalMs: connection.pollIntervalMs ?? 1_000 },
    },
  });
  if (created.statusCode !== 201) throw new Error(`POST /admin/connections → ${created.statusCode} ${created.body}`);
  return { api, owner, connectionId: created.json<{ id: string }>().id, queuePrefix, admin };
}
