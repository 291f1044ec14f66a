import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testQueuePrefix } from '@callbridge/testkit/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from '../../api/test/support/api-harness.js';
import { probeAdapter } from '../../api/test/support/probe-adapter.js';
import type { CliIo } from '../src/cli-io.js';
import { runCli } from '../src/run-cli.js';

const ADMIN_KEY = 'admin-key-for-cli-tests-0123';
const OLD_KEY = `old:${randomBytes(32).toString('base64')}`;
const NEW_KEY = `new:${randomBytes(32).toString('base64')}`;

describe('pnpm cli against a running API', () => {
  let api: ApiHarness;
  let env: NodeJS.ProcessEnv;
  let systemUrl: string;
  let closeAll: () => Promise<void>;

  beforeAll(async () => {
    api = await startApiHarness(
      { ADMIN_API_KEY: ADMIN_KEY, CREDENTIALS_KEYS: OLD_KEY },
      { adapters: [probeAdapter], queuePrefix: testQueuePrefix() },
    );
    const apiUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    const system = createServer((_request, response) => response.writeHead(200).end('"pong"'));
    await new Promise<void>((resolve) => system.listen(0, '127.0.0.1', resolve));
    systemUrl = `http://127.0.0.1:${(system.address() as AddressInfo).port}`;
    env = { CALLBRIDGE_API_URL: apiUrl, ADMIN_API_KEY: ADMIN_KEY, DATA_DIR: '/nonexistent-data-dir' };
    closeAll = async () => {
      system.close();
      await api.close();
    };
  });
  afterAll(() => closeAll?.());

  async function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
    const code = await runCli(args, { ...env, ...extraEnv }, io);
    return { code, out: out.join('\n'), err: err.join('') };
  }

  it('adds, lists and tests a connection, with --json for scripts and no secret in any output', async () => {
    const added = await cli([
      'connections',
      'add',
      '--adapter',
      'probe',
      '--name',
      'cli-probe',
      '--base-url',
      systemUrl,
      '--credentials',
      '{"token":"cli-secret-token"}',
      '--owner-ids',
      '3,4',
      '--json',
    ]);
    expect(added.code, added.err).toBe(0);
    const { id } = JSON.parse(added.out) as { id: string };

    const listed = await cli(['connections', 'list', '--json']);
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id, name: 'cli-probe', filter: { ownerIds: [3, 4] } }),
    ]);
    expect(listed.out).not.toContain('cli-secret-token');
    expect((await cli(['connections', 'list'])).out).toContain('cli-probe');

    const tested = await cli(['connections', 'test', id]);
    expect(tested).toMatchObject({ code: 0, out: 'ok: "pong"' });
  });

  it('rotates the credentials key in the database and reports how many rows it re-encrypted', async () => {
    const keys = { DATABASE_URL: api.config.DATABASE_URL!, CREDENTIALS_KEYS: `${NEW_KEY},${OLD_KEY}` };
    const rotated = await cli(['credentials', 'rotate-key', '--json'], keys);
    expect(rotated.code, rotated.err).toBe(0);
    expect(JSON.parse(rotated.out)).toEqual({ rotated: 1, keyId: 'new' });
    expect((await api.db.connection.findFirstOrThrow()).credentialsKeyId).toBe('new');
    expect(JSON.parse((await cli(['credentials', 'rotate-key', '--json'], keys)).out)).toEqual({
      rotated: 0,
      keyId: 'new',
    });
  });

  it('runs a sync now, lists failed jobs and replays one or all of them', async () => {
    const connection = await api.db.connection.findFirstOrThrow({ where: { name: 'cli-probe' } });
    // The probe adapter neither pulls nor pushes: the API queues nothing, and the CLI says so.
    const synced = await cli(['connections', 'sync', connection.id]);
    expect(synced).toMatchObject({ code: 0, out: 'nothing to run: the adapter neither pulls nor pushes' });
    expect((await cli(['connections', 'sync', '00000000-0000-4000-8000-000000000000'])).err).toMatch(/404/);

    const failed = (jobId: string) =>
      api.db.jobAudit.create({
        data: {
          queue: 'push',
          jobId,
          name: 'push-change',
          state: 'failed',
          attempts: 8,
          error: `${jobId}: HTTP 503 from the external system`,
          payload: { connectionId: connection.id, callId: '1', outboxId: '1' },
          connectionId: connection.id,
        },
      });
    const [first] = [await failed('push-cli-1'), await failed('push-cli-2'), await failed('push-cli-3')];
    const listed = await cli(['jobs', 'failed']);
    expect(listed.out.split('\n')).toHaveLength(3);
    expect(listed.out).toContain('push-cli-2');
    expect(JSON.parse((await cli(['jobs', 'failed', '--json'])).out)).toHaveLength(3);

    const one = await cli(['jobs', 'replay', String(first.id)]);
    expect(one).toMatchObject({ code: 0, out: `job ${first.id}: replayed (re-added)` });
    const all = await cli(['jobs', 'replay', '--all', '--json']);
    expect(all.code, all.err).toBe(0);
    expect(JSON.parse(all.out)).toEqual([
      expect.objectContaining({ how: 're-added' }),
      expect.objectContaining({ how: 're-added' }),
    ]);
    expect((await cli(['jobs', 'failed'])).out).toBe('no failed jobs');
    expect(await api.db.jobAudit.count({ where: { state: 'replayed' } })).toBe(3);
  });

  it('explains failures on stderr with exit code 1, and usage with 2', async () => {
    const unknown = await cli([
      'connections',
      'add',
      '--adapter',
      'nosuch',
      '--name',
      'x',
      '--base-url',
      systemUrl,
      '--credentials',
      '{}',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/400: unknown adapter "nosuch"/);
    const noKey = await cli(['connections', 'list'], { ADMIN_API_KEY: '' });
    expect(noKey).toMatchObject({ code: 1, err: expect.stringMatching(/ADMIN_API_KEY is not set/) });
    const badJson = await cli(['connections', 'add', '--credentials', '{oops']);
    expect(badJson.err).toMatch(/--credentials must be JSON/);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
