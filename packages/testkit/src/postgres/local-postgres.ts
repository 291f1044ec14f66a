import { chown, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../free-port.js';
import { runCommand, runCommandOrThrow } from '../run-command.js';
import type { ServerHandle } from '../server-handle.js';
import { waitUntil } from '../wait-until.js';
import { postgresBinaries } from './postgres-binaries.js';
import { postgresRunAs } from './postgres-user.js';

export interface LocalPostgresOptions {
  /** Keep the cluster here across starts. Omit for a throwaway cluster in a temp dir. */
  dataDir?: string;
}

/** Settings for throwaway test clusters: durability off, room for many parallel test pools. */
const THROWAWAY_SETTINGS = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=400'];
const PERSISTENT_SETTINGS = ['max_connections=200'];

/**
 * A PostgreSQL cluster from the npm-shipped binaries, run by pg_ctl in its own session. With a
 * dataDir the cluster persists, and one left running by a run that crashed is reused.
 */
export async function startLocalPostgres(options: LocalPostgresOptions = {}): Promise<ServerHandle> {
  const bins = await postgresBinaries();
  const runAs = postgresRunAs();
  const throwaway = !options.dataDir;
  const dataDir = options.dataDir
    ? path.resolve(options.dataDir)
    : await mkdtemp(path.join(tmpdir(), 'callbridge-pg-'));
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    await chown(dataDir, runAs.uid, runAs.gid);
    const reachable = await runCommand('test', ['-w', dataDir], runAs);
    if (reachable.code !== 0) {
      throw new Error(
        `PostgreSQL runs as the "postgres" user, which cannot reach ${dataDir} (a parent folder such as /root is ` +
          'mode 700). Set DATA_DIR to a folder outside it, e.g. DATA_DIR=/var/lib/callbridge.',
      );
    }
  }
  const asOwner = { ...runAs, env: { ...process.env, LC_ALL: 'C' } };

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await runCommandOrThrow(
      bins.initdb,
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'],
      asOwner,
    );
  }

  const running = await runningPort(bins.pg_ctl, dataDir, asOwner);
  const port = running ?? (await freePort());
  if (running === undefined) {
    const settings = (throwaway ? THROWAWAY_SETTINGS : PERSISTENT_SETTINGS).map((s) => `-c ${s}`).join(' ');
    await runCommandOrThrow(
      bins.pg_ctl,
      [
        '-D',
        dataDir,
        '-l',
        path.join(dataDir, 'server.log'),
        '-w',
        '-t',
        '60',
        '-o',
        `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 ${settings}`,
        'start',
      ],
      { ...asOwner, detached: true },
    );
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitUntil(`PostgreSQL on port ${port}`, () => acceptsQueries(url));
  return {
    kind: 'local',
    url,
    port,
    reused: running !== undefined,
    async stop() {
      await runCommand(bins.pg_ctl, ['-D', dataDir, '-m', 'fast', '-w', 'stop'], asOwner);
      if (throwaway) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The port of a server already running on dataDir (pg_ctl status exits 0), else undefined. */
async function runningPort(pgCtl: string, dataDir: string, asOwner: object): Promise<number | undefined> {
  const status = await runCommand(pgCtl, ['-D', dataDir, 'status'], asOwner);
  if (status.code !== 0) return undefined;
  // postmaster.pid line 4 is the port (see PostgreSQL's pidfile.h).
  const lines = (await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

async function acceptsQueries(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
