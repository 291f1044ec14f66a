import { startTask24Simulator } from './server.js';

/**
 * `pnpm sim:task24`: a task24 simulator for demos. PORT (default 4124), HOST, TASK24_TOKENS
 * (comma-separated, default demo,operator), and fault rates TASK24_FAILURE_RATE,
 * TASK24_TIMEOUT_RATE, TASK24_LATENCY_MS, TASK24_RATE_LIMIT (requests per second).
 */
const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const simulator = await startTask24Simulator({
  port: number('PORT') ?? 4124,
  host: process.env.HOST ?? '127.0.0.1',
  tokens: (process.env.TASK24_TOKENS ?? 'demo,operator').split(','),
  faults: {
    failureRate: number('TASK24_FAILURE_RATE'),
    timeoutRate: number('TASK24_TIMEOUT_RATE'),
    latencyMs: number('TASK24_LATENCY_MS'),
    rateLimitPerSecond: number('TASK24_RATE_LIMIT'),
  },
});
console.log(`task24 simulator at ${simulator.url} (tokens: ${process.env.TASK24_TOKENS ?? 'demo,operator'})`);
console.log('act as a worker: POST /control/tickets/<id>/take | complete | cancel | comment  {"text": "…"}');
console.log('list tickets:    GET  /control/tickets');

const stop = () => void simulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
