import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '../free-port.js';
import { waitUntil } from '../wait-until.js';
import type { RedisHandle } from './redis-handle.js';
import { redisServerBinary } from './redis-server-binary.js';

export interface LocalRedisOptions {
  /** Keep data here (AOF on) across starts. Omit for a throwaway server in a temp dir. */
  dataDir?: string;
  /** Append-only file on; default true with a dataDir, false without. */
  appendOnly?: boolean;
}

/**
 * A private redis-server on 127.0.0.1, in its own session so Ctrl-C reaches only our launcher.
 * `noeviction` as BullMQ requires. A server left running by a crashed run is reused.
 */
export async function startLocalRedis(options: LocalRedisOptions = {}): Promise<RedisHandle> {
  const binary = redisServerBinary();
  const throwaway = !options.dataDir;
  const dir = options.dataDir ? path.resolve(options.dataDir) : await mkdtemp(path.join(tmpdir(), 'callbridge-redis-'));
  await mkdir(dir, { recursive: true });
  const appendOnly = options.appendOnly ?? !throwaway;
  const portFile = path.join(dir, 'port');

  const previousPort = Number(await readFile(portFile, 'utf8').catch(() => ''));
  const port = previousPort > 0 && (await answersPing(previousPort)) ? previousPort : await freePort();
  await writeFile(portFile, String(port));

  const launch = async (): Promise<void> => {
    if (await answersPing(port)) return;
    const child = spawn(
      binary,
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--daemonize',
        'no',
        '--logfile',
        path.join(dir, 'redis.log'),
        '--save',
        '',
        '--appendonly',
        appendOnly ? 'yes' : 'no',
        '--appendfsync',
        'everysec',
        '--maxmemory-policy',
        'noeviction',
      ],
      { detached: true, stdio: 'ignore' },
    );
    child.unref();
    await waitUntil(`redis-server on port ${port}`, () => answersPing(port), 15_000);
  };

  const shutdown = async (): Promise<void> => {
    const client = probeClient(port);
    await client.connect().catch(() => undefined);
    // SHUTDOWN closes the connection instead of replying, so its rejection is the expected outcome.
    await client.call('SHUTDOWN', appendOnly ? 'SAVE' : 'NOSAVE').catch(() => undefined);
    client.disconnect();
    await waitUntil(`redis-server on port ${port} to stop`, async () => !(await answersPing(port)), 15_000);
  };

  await launch();
  return {
    kind: 'local',
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await shutdown();
      if (throwaway) await rm(dir, { recursive: true, force: true });
    },
    async restart() {
      await shutdown();
      await launch();
    },
  };
}

/** A one-shot client: no retries, no offline queue, connection errors reported only by its promises. */
function probeClient(port: number): Redis {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  return client;
}

async function answersPing(port: number): Promise<boolean> {
  const client = probeClient(port);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
