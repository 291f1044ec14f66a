/**
 * `pnpm bench:api` — POST /call and GET /call/modifications/{t} under load against the running API
 * on real PostgreSQL, beside a one-insert baseline route measured in the same run.
 * Goal: POST /call at ≥ 0.6 of the baseline's req/s.
 *
 * Flags (or env): --duration=<s> (BENCH_DURATION, default 10), --connections=<n> (BENCH_CONNECTIONS,
 * default 50), --feed-calls=<n> calls present before the feed is read (default 2000).
 */
import { parseArgs } from 'node:util';
import { BENCH_KEY, benchCallInput, startBenchStack } from './bench-stack.js';
import { printTable, runLoad, type LoadResult } from './load.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '50' },
    'feed-calls': { type: 'string', default: '2000' },
  },
});
const durationSeconds = Number(values.duration);
const connections = Number(values.connections);
const feedCalls = Number(values['feed-calls']);

const stack = await startBenchStack();
const auth = { authorization: `Bearer ${BENCH_KEY}` };
const callBody = JSON.stringify(benchCallInput(stack.ownerId));

try {
  console.log(`CallBridge API benchmark: ${connections} connections, ${durationSeconds} s per route, ${stack.baseUrl}`);
  const common = { connections, durationSeconds };
  // Warm up the pools and JIT on both write paths before measuring either.
  await runLoad({
    ...common,
    durationSeconds: 2,
    name: 'warm-up',
    url: `${stack.baseUrl}/call`,
    method: 'POST',
    headers: auth,
    body: callBody,
  });
  await runLoad({
    ...common,
    durationSeconds: 2,
    name: 'warm-up',
    url: `${stack.baseUrl}/bench/baseline`,
    method: 'POST',
    body: callBody,
  });

  const results: LoadResult[] = [];
  results.push(
    await runLoad({
      ...common,
      name: 'POST /bench/baseline (one insert)',
      url: `${stack.baseUrl}/bench/baseline`,
      method: 'POST',
      body: callBody,
    }),
  );
  results.push(
    await runLoad({
      ...common,
      name: 'POST /call',
      url: `${stack.baseUrl}/call`,
      method: 'POST',
      headers: auth,
      body: callBody,
    }),
  );

  const present = await stack.db.call.count();
  for (let i = present; i < feedCalls; i++) {
    await stack.app.inject({
      method: 'POST',
      url: '/call',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: callBody,
    });
  }
  const middle = await stack.db.call.findFirstOrThrow({
    orderBy: { timestamp: 'asc' },
    skip: Math.floor((await stack.db.call.count()) / 2),
  });
  results.push(
    await runLoad({
      ...common,
      name: 'GET /call/modifications/{t} (100 per page)',
      url: `${stack.baseUrl}/call/modifications/${middle.timestamp}?limit=100`,
      method: 'GET',
      headers: auth,
    }),
  );

  printTable(results);
  const [baseline, createCall] = results;
  const ratio = createCall!.requestsPerSecond / baseline!.requestsPerSecond;
  console.log(`POST /call ÷ baseline = ${ratio.toFixed(2)} (goal ≥ 0.60: ${ratio >= 0.6 ? 'met' : 'NOT met'})`);
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failed.length > 0) console.log(`routes with non-2xx answers or errors: ${failed.map((r) => r.name).join(', ')}`);
} finally {
  await stack.stop();
}
