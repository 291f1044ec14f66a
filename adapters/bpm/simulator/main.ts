import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startBpmSimulator, type BpmSwitches } from './server.js';

/**
 * `pnpm sim:bpm`: a BPM case API simulator for demos. PORT (default 4125), HOST (default 127.0.0.1),
 * BPM_USERS (`login:password,…`, default demo:demo). Switches by flag or environment:
 * --per-minute-limit / BPM_PER_MINUTE_LIMIT, --failure-rate / BPM_FAILURE_RATE,
 * --session-ttl-ms / BPM_SESSION_TTL_MS, --latency-ms / BPM_LATENCY_MS, --seed / BPM_SEED.
 * Standard input takes specialist commands (type `help`).
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    users: { type: 'string' },
    'per-minute-limit': { type: 'string' },
    'failure-rate': { type: 'string' },
    'session-ttl-ms': { type: 'string' },
    'latency-ms': { type: 'string' },
    seed: { type: 'string' },
  },
  allowPositionals: true,
});

const number = (flag: keyof typeof values, env: string): number | undefined => {
  const raw = values[flag] ?? process.env[env];
  if (raw === undefined || raw === '') return undefined;
  const parsed = Number(raw);
  if (Number.isNaN(parsed)) throw new Error(`${flag} must be a number, got ${raw}`);
  return parsed;
};

const users = (values.users ?? process.env.BPM_USERS ?? 'demo:demo').split(',').map((pair) => {
  const [login = '', ...rest] = pair.split(':');
  return { login, password: rest.join(':') };
});
const switches: BpmSwitches = {
  perMinuteLimit: number('per-minute-limit', 'BPM_PER_MINUTE_LIMIT'),
  failureRate: number('failure-rate', 'BPM_FAILURE_RATE'),
  sessionTtlMs: number('session-ttl-ms', 'BPM_SESSION_TTL_MS'),
  latencyMs: number('latency-ms', 'BPM_LATENCY_MS'),
  seed: number('seed', 'BPM_SEED'),
};
const simulator = await startBpmSimulator({
  port: number('port', 'PORT') ?? 4125,
  host: values.host ?? process.env.HOST ?? '127.0.0.1',
  users,
  switches,
});

const help = [
  'specialist commands:',
  '  cases                                  list cases',
  '  status <number> <code 1-6> [solution]  set a status (1 requires attention … 5 closed, 6 reopened)',
  '  message <number> <text>                add a support message',
  '  expire                                 expire every session',
].join('\n');
console.log(`BPM simulator at ${simulator.url}`);
console.log(`login: POST ${simulator.url}/ServiceModel/AuthService.svc/Login`);
console.log(`users: ${users.map((user) => `${user.login} / ${user.password}`).join(', ')}`);
console.log(help);

const stop = () => void simulator.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const lines = createInterface({ input: process.stdin });
lines.on('SIGINT', stop);
lines.on('line', (line) => {
  const [command, caseNumber = '', ...rest] = line.trim().split(/\s+/);
  try {
    if (command === 'cases') {
      for (const record of simulator.cases()) {
        console.log(
          `${record.number}  [${record.statuscode} ${record.status}]  ${record.subject}  ` +
            `(${record.messages.length} messages, ${record.files.length} files)`,
        );
      }
    } else if (command === 'status') {
      const [code = '', ...solution] = rest;
      simulator.specialist.setStatus(caseNumber, Number(code), solution.length ? solution.join(' ') : undefined);
      console.log('ok');
    } else if (command === 'message') {
      simulator.specialist.addMessage(caseNumber, rest.join(' '));
      console.log('ok');
    } else if (command === 'expire') {
      simulator.expireSessions();
      console.log('ok');
    } else if (command) {
      console.log(help);
    }
  } catch (error) {
    console.log(`error: ${(error as Error).message}`);
  }
});
