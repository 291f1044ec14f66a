import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '@callbridge/config';
import { issueTokenPair, seedExternalSystemKeys } from '@callbridge/core';
import { createDb, DiskBlobStore, type PrismaClient, type BlobStore } from '@callbridge/db';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@callbridge/testkit/vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createAdapterRegistry } from '@callbridge/sync';
import { buildServer, type App } from '../../src/index.js';

export const DISPATCH_KEY = 'dispatch-key-for-api-tests';

export interface TestUser {
  id: number;
  name: string;
  password: string;
  accessToken: string;
  serviceToken: string;
  /** `Authorization` header with the access token (UserAuth). */
  headers: { authorization: string };
}

export interface CreatedCall {
  id: number;
  number: string;
  created: string;
  tasks: { id: number }[];
}

export interface ApiHarness {
  app: App;
  db: PrismaClient;
  config: Config;
  /** The harness's private attachment store (the worker reads pushed attachments from it). */
  blobs: BlobStore;
  /** `Authorization` header of the dispatch system (ExternalSystemAuth). */
  dispatch: { authorization: string };
  /** A user with a fresh token pair, made directly in the database. */
  createUser(name?: string, password?: string): Promise<TestUser>;
  /** A call for `ownerId` through `POST /call`; `overrides` replace fields of a valid input. */
  createCall(ownerId: number, overrides?: Record<string, unknown>): Promise<CreatedCall>;
  close(): Promise<void>;
}

/** A valid CallInputDTO (spec §4.6) with two tasks and two expenditure items. */
export function callInput(ownerId: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    availableExpenditureItems: [{ name: 'Travel' }, { name: 'Parking' }],
    clientName: 'ACME Ltd',
    contactPersonName: 'Jane Roe',
    contactPersonPhone: '+7 900 000-00-00',
    contactPersonEmail: 'jane@example.com',
    created: '2026-11-22T10:00:00.000Z',
    critical: false,
    descriptionHtmlText: '<p>Printer <b>jams</b></p>',
    descriptionTextForFieldEmployee: 'Printer jams',
    ownerId,
    serviceObjectAddress: '1 Main St',
    serviceObjectLatitude: 55.75,
    serviceObjectLongitude: 37.61,
    serviceObjectName: 'Office printer',
    serviceObjectType: 'Printer',
    tasks: [{ title: 'Inspect' }, { title: 'Repair' }],
    ttf: '2026-11-25T10:00:00.000Z',
    tto: '2026-11-23T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The API on a fresh database (cloned from the migrated template), the run's Redis and a private
 * blob folder, with one dispatch key seeded. Each test file starts its own.
 */
export async function startApiHarness(
  env: Record<string, string> = {},
  options: { adapters?: readonly object[]; queuePrefix?: string } = {},
): Promise<ApiHarness> {
  const database: TestDatabase = await createTestDatabase();
  const db = createDb({ connectionString: database.url });
  const blobsDir = await mkdtemp(path.join(tmpdir(), 'callbridge-blobs-'));
  const blobs = new DiskBlobStore(blobsDir);
  const config = loadConfig({ DATABASE_URL: database.url, REDIS_URL: testRedisUrl(), LOG_LEVEL: 'silent', ...env });
  const redis = new Redis(testRedisUrl(), { lazyConnect: true });
  const app = await buildServer({
    config,
    db,
    redis,
    logger: pino({ level: 'silent' }),
    blobs,
    adapters: createAdapterRegistry(options.adapters ?? []),
    ...(options.queuePrefix ? { queuePrefix: options.queuePrefix } : {}),
  });
  await seedExternalSystemKeys(db, [{ name: 'dispatch', key: DISPATCH_KEY }]);
  const dispatch = { authorization: `Bearer ${DISPATCH_KEY}` };

  return {
    app,
    db,
    config,
    blobs,
    dispatch,
    async createUser(name = `user-${randomBytes(4).toString('hex')}`, password = 'secret1') {
      const passwordHash = createHash('sha256').update(password, 'utf8').digest();
      const user = await db.user.create({ data: { name, passwordHash } });
      const tokens = await issueTokenPair(db, user.id, {
        accessTtlMs: config.ACCESS_TOKEN_TTL_MS,
        serviceTtlMs: config.SERVICE_TOKEN_TTL_MS,
      });
      return {
        id: Number(user.id),
        name,
        password,
        accessToken: tokens.access.token,
        serviceToken: tokens.service.token,
        headers: { authorization: `Bearer ${tokens.access.token}` },
      };
    },
    async createCall(ownerId, overrides = {}) {
      const response = await app.inject({
        method: 'POST',
        url: '/call',
        headers: dispatch,
        payload: callInput(ownerId, overrides),
      });
      if (response.statusCode !== 200) throw new Error(`POST /call → ${response.statusCode} ${response.body}`);
      return response.json<CreatedCall>();
    },
    async close() {
      await app.close();
      redis.disconnect();
      await db.$disconnect();
      await database.drop();
      await rm(blobsDir, { recursive: true, force: true });
    },
  };
}
