import { parseArgs } from 'node:util';
import { startTask24Simulator } from './server.js';

const USAGE = `pnpm sim:task24 [options]   (each option also reads the environment variable in brackets)
  --port <n>            listen port [PORT], default 4124
  --host <addr>         listen address [HOST], default 127.0.0.1
  --tokens <a,b>        accepted tokens [TASK24_TOKENS], default demo,operator
  --time-zone <iana>    account time zone [TASK24_TIME_ZONE], default Europe/Moscow
  --failure-rate <0-1>  share answered 503 unapplied [TASK24_FAILURE_RATE]
  --timeout-rate <0-1>  share of writes applied, then left unanswered [TASK24_TIMEOUT_RATE]
  --hang-ms <n>         how long such an answer is held [TASK24_HANG_MS], default 30000
  --latency-ms <n>      delay before every answer [TASK24_LATENCY_MS]
  --rate-limit <n>      requests per rolling second before 429 [TASK24_RATE_LIMIT]
  --seed <n>            repeatable fault pattern [TASK24_SEED]`;

const { values } = parseArgs({
  options: Object.fromEntries(
    [
      'port',
      'host',
      'tokens',
      'time-zone',
      'failure-rate',
      'timeout-rate',
      'hang-ms',
      'latency-ms',
      'rate-limit',
      'seed',
    ].map((name) => [name, { type: 'string' as const }]),
  ),
  allowPositionals: false,
  strict: false,
});
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}

const option = (flag: string, env: string): string | undefined => {
  const value = values[flag];
  return typeof value === 'string' ? value : process.env[env] || undefined;
};
const number = (flag: string, env: string): number | undefined => {
  const text = option(flag, env);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    console.error(`--${flag} (${env}) must be a number, got "${text}"\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
};

const tokens = (option('tokens', 'TASK24_TOKENS') ?? 'demo,operator').split(',').filter(Boolean);
const simulator = await startTask24Simulator({
  port: number('port', 'PORT') ?? 4124,
  host: option('host', 'HOST') ?? '127.0.0.1',
  tokens,
  timeZone: option('time-zone', 'TASK24_TIME_ZONE') ?? 'Europe/Moscow',
  faults: {
    failureRate: number('failure-rate', 'TASK24_FAILURE_RATE'),
    timeoutRate: number('timeout-rate', 'TASK24_TIMEOUT_RATE'),
    hangMs: number('hang-ms', 'TASK24_HANG_MS'),
    latencyMs: number('latency-ms', 'TASK24_LATENCY_MS'),
    rateLimitPerSecond: number('rate-limit', 'TASK24_RATE_LIMIT'),
    seed: number('seed', 'TASK24_SEED'),
  },
});
console.log(`task24 simulator at ${simulator.url}`);
console.log(`tokens: ${tokens.join(', ')}`);
console.log(`try:   curl '${simulator.url}tickets/items?token=${tokens[0] ?? ''}'`);
console.log('act as a worker: POST /control/tickets/<id>/take | complete | cancel | comment  {"text": "…"}');
console.log('list tickets:    GET  /control/tickets');
console.log('Ctrl-C stops.');

const stop = () => void simulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
