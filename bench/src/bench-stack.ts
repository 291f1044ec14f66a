import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer, type App } from '@callbridge/api';
import { loadConfig, type Config } from '@callbridge/config';
import { seedExternalSystemKeys } from '@callbridge/core';
import { createDb, DiskBlobStore, type PrismaClient } from '@callbridge/db';
import { migrateDeploy } from '@callbridge/db/migrations';
import { createAdapterRegistry } from '@callbridge/sync';
import { ensureDatabase, startPostgres, startRedis } from '@callbridge/testkit';
import { Redis } from 'ioredis';
import { pino } from 'pino';

export const BENCH_KEY = 'dispatch-key-for-the-benchmark';

export interface BenchStack {
  app: App;
  db: PrismaClient;
  baseUrl: string;
  config: Config;
  redisUrl: string;
  ownerId: number;
  stop(): Promise<void>;
}

/**
 * The API as `pnpm start` runs it — real PostgreSQL (fresh, migrated), real Redis, listening on a
 * loopback port — plus `POST /bench/baseline`, a route that does nothing but one insert: the yardstick
 * the portal's own routes are compared with, measured in the same run on the same machine.
 */
export async function startBenchStack(
  options: { adapters?: readonly object[]; env?: Record<string, string> } = {},
): Promise<BenchStack> {
  const [postgres, redisServer] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await ensureDatabase(postgres.url, `bench_${Date.now()}`);
  await migrateDeploy({ connectionString: databaseUrl });
  const blobsDir = await mkdtemp(path.join(tmpdir(), 'bench-blobs-'));
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisServer.url,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const db = createDb({ connectionString: databaseUrl });
  const redis = new Redis(redisServer.url);
  const app = await buildServer({
    config,
    db,
    redis,
    logger: pino({ level: 'silent' }),
    blobs: new DiskBlobStore(blobsDir),
    adapters: createAdapterRegistry(options.adapters ?? []),
  });

  await seedExternalSystemKeys(db, [{ name: 'bench', key: BENCH_KEY }]);
  const owner = await db.user.create({ data: { name: 'bench-owner', passwordHash: Buffer.alloc(32) } });
  // The same stack as the portal's routes (Fastify, zod-free JSON body, the Prisma client), one row.
  app.post('/bench/baseline', async () => {
    const row = await db.notification.create({
      data: { userId: owner.id, kind: 'bench', text: 'baseline insert' },
      select: { id: true },
    });
    return { id: Number(row.id) };
  });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    app,
    db,
    baseUrl,
    config,
    redisUrl: redisServer.url,
    ownerId: Number(owner.id),
    async stop() {
      await app.close();
      redis.disconnect();
      await db.$disconnect();
      await Promise.all([postgres.stop(), redisServer.stop()]);
      await rm(blobsDir, { recursive: true, force: true });
    },
  };
}

/** A valid CallInputDTO for the benchmarks. */
export function benchCallInput(ownerId: number) {
  return {
    availableExpenditureItems: [{ name: 'Travel' }, { name: 'Parking' }],
    clientName: 'ACME Ltd',
    contactPersonName: 'Jane Roe',
    contactPersonPhone: '+7 900 000-00-00',
    created: '2026-11-23T09:00:00Z',
    critical: true,
    descriptionHtmlText: '<p>Printer jams on every second page</p>',
    descriptionTextForFieldEmployee: 'Printer jams',
    ownerId,
    serviceObjectAddress: '1 Main St',
    serviceObjectLatitude: 55.75,
    serviceObjectLongitude: 37.61,
    serviceObjectName: 'Office printer',
    tasks: [{ title: 'Inspect' }, { title: 'Repair' }],
    ttf: '2026-11-25T09:00:00Z',
    tto: '2026-11-23T12:00:00Z',
  };
}
