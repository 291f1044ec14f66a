import { randomBytes } from 'node:crypto';
import { task24Adapter } from '@callbridge/adapters';
import { startTask24Simulator, type Task24Simulator } from '@callbridge/adapters/task24/simulator';
import { waitUntil } from '@callbridge/testkit';
import { testQueuePrefix } from '@callbridge/testkit/vitest';
import { startApiHarness, type ApiHarness, type TestUser } from './api-harness.js';

export const ADMIN_KEY = 'admin-key-for-sync-tests-0123';
export const TASK24_TOKEN = 'task24-account-token';

export interface Task24Stack {
  api: ApiHarness;
  sim: Task24Simulator;
  owner: TestUser;
  connectionId: string;
  queuePrefix: string;
  admin: { authorization: string };
  ticketsOf(callNumber: string): ReturnType<Task24Simulator['tickets']>;
  close(): Promise<void>;
}

/**
 * The API, a task24 simulator and a connection to it added through the admin API, routing one
 * owner's calls. The worker is left to the test (in process, or a child process it may kill).
 */
export async function startTask24Stack(settings: Record<string, unknown> = {}): Promise<Task24Stack> {
  const queuePrefix = testQueuePrefix();
  const api = await startApiHarness(
    { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: `k1:${randomBytes(32).toString('base64')}` },
    { adapters: [task24Adapter], queuePrefix },
  );
  const sim = await startTask24Simulator({ tokens: [TASK24_TOKEN] });
  const owner = await api.createUser(`owner-${randomBytes(3).toString('hex')}`);
  const admin = { authorization: `Bearer ${ADMIN_KEY}` };
  const created = await api.app.inject({
    method: 'POST',
    url: '/admin/connections',
    headers: admin,
    payload: {
      adapter: 'task24',
      name: 'task24',
      baseUrl: sim.url,
      credentials: { token: TASK24_TOKEN },
      settings: { timeoutMs: 1_000, ...settings },
      filter: { ownerIds: [owner.id] },
      schedule: { pollIntervalMs: 1_000 },
    },
  });
  if (created.statusCode !== 201) throw new Error(`POST /admin/connections → ${created.statusCode} ${created.body}`);
  const ticketsOf = (callNumber: string) =>
    sim.tickets().filter((ticket) => ticket.subject?.startsWith(`${callNumber} `));
  return {
    api,
    sim,
    owner,
    connectionId: created.json<{ id: string }>().id,
    queuePrefix,
    admin,
    ticketsOf,
    async close() {
      await sim.close();
      await api.close();
    },
  };
}

/** Waits until every call has a ticket, then checks that none has two. */
export async function expectOneTicketEach(stack: Task24Stack, numbers: string[], timeoutMs = 60_000) {
  await waitUntil(
    'a ticket for every call',
    async () => numbers.every((number) => stack.ticketsOf(number).length >= 1),
    timeoutMs,
  );
  return numbers.map((number) => stack.ticketsOf(number).length);
}
