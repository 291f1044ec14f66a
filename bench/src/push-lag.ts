/**
 * `pnpm bench:push` — the sync engine against the task24 simulator, on real PostgreSQL and Redis.
 *
 * 1. Push lag: calls written one at a time through POST /call (--rate per second, --calls in all);
 *    the lag of each is from the portal's answer to the simulator receiving `tickets/add`.
 *    Goal: p99 < 1 s.
 * 2. Backfill: --backlog calls written while no worker runs, then one worker pushes them through a
 *    connection limited to the simulator's own limit (--limit requests per second, enforced by the
 *    simulator with 429s). Throughput is the simulator's accepted requests per second over the
 *    backfill, as a ratio to that limit. Goal: ≥ 0.9.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { task24Adapter } from '@callbridge/adapters';
import { startTask24Simulator } from '@callbridge/adapters/task24/simulator';
import { createAdapterRegistry } from '@callbridge/sync';
import { buildWorker } from '@callbridge/worker';
import { pino } from 'pino';
import { BENCH_KEY, benchCallInput, startBenchStack } from './bench-stack.js';

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    backlog: { type: 'string', default: '300' },
    limit: { type: 'string', default: '50' },
  },
});
const [calls, rate, backlog, limit] = [values.calls, values.rate, values.backlog, values.limit].map(Number) as [
  number,
  number,
  number,
  number,
];

const ADMIN_KEY = 'admin-key-for-the-push-benchmark';
const stack = await startBenchStack({
  adapters: [task24Adapter],
  env: { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: `bench:${randomBytes(32).toString('base64')}` },
});
const arrivals = new Map<string, number>();
const sim = await startTask24Simulator({
  tokens: ['bench-token'],
  onTicketAdded: (ticket) => arrivals.set(ticket.subject?.split(' ')[0] ?? '', performance.now()),
});
const admin = { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' };
const startWorker = () =>
  buildWorker({
    config: stack.config,
    db: stack.db,
    logger: pino({ level: 'silent' }),
    adapters: createAdapterRegistry([task24Adapter]),
    databaseUrl: stack.config.DATABASE_URL!,
    redisUrl: stack.redisUrl,
  });

async function createCall(): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(benchCallInput(stack.ownerId)),
  });
  if (response.status !== 200) throw new Error(`POST /call → ${response.status}`);
  return ((await response.json()) as { number: string }).number;
}

async function waitForTickets(numbers: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!numbers.every((number) => arrivals.has(number))) {
    if (Date.now() > deadline)
      throw new Error(`only ${numbers.filter((n) => arrivals.has(n)).length} of ${numbers.length} tickets arrived`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

let worker = await startWorker();
try {
  const created = await fetch(`${stack.baseUrl}/admin/connections`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({
      adapter: 'task24',
      name: 'bench',
      baseUrl: sim.url,
      credentials: { token: 'bench-token' },
      settings: { timeoutMs: 5_000 },
    }),
  });
  const { id: connectionId } = (await created.json()) as { id: string };

  console.log(`push lag: ${calls} calls at ${rate}/s through POST /call → task24 simulator`);
  const written = new Map<string, number>();
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    written.set(await createCall(), performance.now());
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / rate - (performance.now() - started))));
  }
  await waitForTickets([...written.keys()], 60_000);
  const lags = [...written].map(([number, at]) => arrivals.get(number)! - at).sort((a, b) => a - b);
  console.log(
    `  p50 ${percentile(lags, 50).toFixed(0)} ms   p99 ${percentile(lags, 99).toFixed(0)} ms   max ${lags.at(-1)!.toFixed(0)} ms   (goal: p99 < 1000 ms)`,
  );

  console.log(`backfill: ${backlog} calls waiting, simulator and connection limited to ${limit} requests/s`);
  await worker.close();
  const patched = await fetch(`${stack.baseUrl}/admin/connections/${connectionId}`, {
    method: 'PATCH',
    headers: admin,
    body: JSON.stringify({ settings: { timeoutMs: 5_000, rateLimit: { limit, intervalMs: 1_000 } } }),
  });
  if (patched.status !== 200) throw new Error(`PATCH → ${patched.status} ${await patched.text()}`);
  sim.setFaults({ rateLimitPerSecond: limit });
  const waiting: string[] = [];
  for (let i = 0; i < backlog; i += 1) waiting.push(await createCall());
  const before = { ...sim.stats };
  const started = performance.now();
  worker = await startWorker();
  await waitForTickets(waiting, 10 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  const accepted = sim.stats.requests - before.requests - (sim.stats.rateLimited - before.rateLimited);
  const throughput = accepted / seconds;
  console.log(
    `  ${accepted} requests accepted in ${seconds.toFixed(1)} s = ${throughput.toFixed(1)}/s; ` +
      `${sim.stats.rateLimited - before.rateLimited} answered 429`,
  );
  console.log(`  throughput ÷ simulator limit = ${(throughput / limit).toFixed(2)}   (goal: ≥ 0.9)`);
} finally {
  await worker.close();
  await sim.close();
  await stack.stop();
}
