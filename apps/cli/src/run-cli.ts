import { parseArgs } from 'node:util';
import { adminClient, CliError } from './admin-client.js';
import { processIo, type CliIo } from './cli-io.js';
import { cliSettings } from './cli-settings.js';
import { failedJobsCommand, replayCommand, syncNowCommand } from './job-commands.js';
import { rotateKeyCommand } from './rotate-key-command.js';

const USAGE = `usage: pnpm cli <command> [--json]
  connections list
  connections add --adapter <kind> --name <name> --base-url <url> --credentials '<json>'
                  [--settings '<json>'] [--owner-ids 1,2] [--poll-ms 60000]
  connections test <id>
  connections sync <id>
  jobs failed
  jobs replay <id> | --all
  credentials rotate-key`;

interface Connection {
  id: string;
  adapter: string;
  name: string;
  baseUrl: string;
  enabled: boolean;
  schedule: { pollIntervalMs: number };
}

/** Runs one CLI command; answers the exit code. Results go to stdout (JSON with --json). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, io: CliIo = processIo) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      adapter: { type: 'string' },
      name: { type: 'string' },
      'base-url': { type: 'string' },
      credentials: { type: 'string' },
      settings: { type: 'string' },
      'owner-ids': { type: 'string' },
      'poll-ms': { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [group, action, argument] = positionals;
  const settings = await cliSettings(env);
  const print = (value: unknown, text: () => string) => io.out(values.json ? JSON.stringify(value) : text());
  const admin = () => {
    if (!settings.adminKey) throw new CliError('ADMIN_API_KEY is not set and .data/secrets has none');
    return adminClient(settings.apiUrl, settings.adminKey);
  };
  const parseJson = (flag: string, text: string | undefined) => {
    try {
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
    } catch {
      throw new CliError(`--${flag} must be JSON`);
    }
  };

  try {
    if (values.help || !group) {
      io.out(USAGE);
      return values.help ? 0 : 2;
    }
    if (group === 'connections' && action === 'list') {
      const connections = await admin()<Connection[]>('GET', '/admin/connections');
      print(connections, () =>
        connections.length === 0
          ? 'no connections'
          : connections
              .map(
                (c) =>
                  `${c.id}  ${c.adapter.padEnd(14)} ${c.name.padEnd(24)} ${c.enabled ? 'on ' : 'off'} ${c.baseUrl}`,
              )
              .join('\n'),
      );
      return 0;
    }
    if (group === 'connections' && action === 'add') {
      const ownerIds = values['owner-ids']?.split(',').map((id) => Number(id.trim()));
      const created = await admin()<{ id: string }>('POST', '/admin/connections', {
        adapter: values.adapter,
        name: values.name,
        baseUrl: values['base-url'],
        credentials: parseJson('credentials', values.credentials),
        ...(values.settings ? { settings: parseJson('settings', values.settings) } : {}),
        ...(ownerIds ? { filter: { ownerIds } } : {}),
        ...(values['poll-ms'] ? { schedule: { pollIntervalMs: Number(values['poll-ms']) } } : {}),
      });
      print(created, () => `connection ${created.id} added`);
      return 0;
    }
    if (group === 'connections' && action === 'test' && argument) {
      const result = await admin()<{ ok: boolean; detail?: string; reason?: string }>(
        'POST',
        `/admin/connections/${argument}/test`,
      );
      print(result, () => (result.ok ? `ok${result.detail ? `: ${result.detail}` : ''}` : `failed: ${result.reason}`));
      return result.ok ? 0 : 1;
    }
    const output = { io, json: values.json };
    if (group === 'connections' && action === 'sync' && argument) {
      await syncNowCommand(admin(), output, argument);
      return 0;
    }
    if (group === 'jobs' && action === 'failed') {
      await failedJobsCommand(admin(), output);
      return 0;
    }
    if (group === 'jobs' && action === 'replay' && (argument || values.all)) {
      return replayCommand(admin(), output, values.all ? null : argument!);
    }
    if (group === 'credentials' && action === 'rotate-key') {
      await rotateKeyCommand(settings, io, values.json);
      return 0;
    }
    io.err(`${USAGE}\n`);
    return 2;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
