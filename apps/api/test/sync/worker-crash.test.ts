import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '@callbridge/testkit';
import { testRedisUrl } from '@callbridge/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTask24Stack, type Task24Stack } from '../support/task24-stack.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** `pnpm start`'s worker, as its own process on the test's database, Redis and queue prefix. */
function startWorkerProcess(stack: Task24Stack): ChildProcess {
  const { config } = stack.api;
  const keys = config.CREDENTIALS_KEYS!.map((key) => `${key.id}:${key.key.toString('base64')}`).join(',');
  return spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], {
    cwd: repoRoot,
    stdio: 'ignore',
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: stack.queuePrefix,
      CREDENTIALS_KEYS: keys,
      WORKER_LOCK_DURATION_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'warn',
    },
  });
}

describe('a worker killed with SIGKILL in the middle of a push', () => {
  let stack: Task24Stack;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    stack = await startTask24Stack({ timeoutMs: 60_000 });
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await stack?.close();
  });

  it('leaves exactly one ticket once a new worker takes the job over', async () => {
    // task24 creates the ticket and then never answers: the worker is inside the push when it dies.
    stack.sim.setFaults({ hangNextWrites: 1, hangMs: 120_000 });
    const first = startWorkerProcess(stack);
    children.push(first);
    const call = await stack.api.createCall(stack.owner.id);
    await waitUntil(
      'task24 to hold the ticket while the worker waits',
      async () => stack.sim.stats.timedOut === 1,
      60_000,
    );
    expect(stack.ticketsOf(call.number)).toHaveLength(1);
    expect(await stack.api.db.externalLink.count({ where: { connectionId: stack.connectionId } })).toBe(0);

    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    stack.sim.setFaults({});
    children.push(startWorkerProcess(stack));

    await waitUntil(
      'the new worker to link the ticket',
      async () => (await stack.api.db.externalLink.count({ where: { connectionId: stack.connectionId } })) === 1,
      90_000,
    );
    const link = await stack.api.db.externalLink.findFirstOrThrow({ where: { connectionId: stack.connectionId } });
    expect(stack.ticketsOf(call.number).map((ticket) => ticket.id)).toEqual([link.externalId]);
    expect(stack.sim.stats.writes).toBe(1);
  }, 180_000);
});
