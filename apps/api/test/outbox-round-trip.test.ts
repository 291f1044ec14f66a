import { loadConfig } from '@callbridge/config';
import { seedExternalSystemKeys } from '@callbridge/core';
import { createDb, DiskBlobStore, type PrismaClient } from '@callbridge/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestDatabase, testQueuePrefix, testRedisUrl, type TestDatabase } from '@callbridge/testkit/vitest';
import { createAdapterRegistry } from '@callbridge/sync';
import { buildWorker, type RunningWorker } from '@callbridge/worker';
import { waitUntil } from '@callbridge/testkit';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type App } from '../src/index.js';

const DISPATCH_KEY = 'dispatch-key-for-round-trip-test';

describe('POST /call → outbox → queue job → worker', () => {
  let database: TestDatabase;
  let db: PrismaClient;
  let redis: Redis;
  let app: App;
  let worker: RunningWorker;
  let ownerId: bigint;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDb({ connectionString: database.url });
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl(),
      ADMIN_API_KEY: 'admin-key-0123456789',
    });
    const logger = pino({ level: 'silent' });
    redis = new Redis(testRedisUrl());
    app = await buildServer({
      config,
      db,
      redis,
      logger,
      blobs: new DiskBlobStore(await mkdtemp(path.join(tmpdir(), 'blobs-'))),
      adapters: createAdapterRegistry([]),
    });
    worker = await buildWorker({
      config,
      db,
      logger,
      adapters: createAdapterRegistry([]),
      databaseUrl: database.url,
      redisUrl: testRedisUrl(),
      queuePrefix: testQueuePrefix(),
    });
    await seedExternalSystemKeys(db, [{ name: 'dispatch', key: DISPATCH_KEY }]);
    ownerId = (await db.user.create({ data: { name: 'contractor-1', passwordHash: Buffer.alloc(32) } })).id;
  });

  afterAll(async () => {
    await worker?.close();
    await app?.close();
    redis?.disconnect();
    await db?.$disconnect();
    await database?.drop();
  });

  it('writes the call and its outbox entry together, and the worker marks the entry dispatched', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/call',
      headers: { authorization: `Bearer ${DISPATCH_KEY}` },
      payload: {
        availableExpenditureItems: [{ name: 'Cable' }],
        clientName: 'ACME',
        created: '2026-11-22T10:00:00Z',
        descriptionHtmlText: '<p>Printer on fire</p>',
        descriptionTextForFieldEmployee: 'Printer on fire',
        ownerId: Number(ownerId),
        serviceObjectAddress: '1 Main St',
        serviceObjectLatitude: 55.75,
        serviceObjectLongitude: 37.61,
        serviceObjectName: 'Office printer',
        tasks: [{ title: 'Extinguish' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ id: number; number: string; tasks: { id: number }[] }>();
    expect(body.number).toMatch(/^CB\d{8}$/);
    expect(body.tasks).toHaveLength(1);

    const call = await db.call.findUniqueOrThrow({ where: { id: BigInt(body.id) } });
    expect(call.status).toBe('New');
    const [entry] = await db.outboxEntry.findMany({ where: { callId: call.id } });
    expect(entry?.topic).toBe('call.created');

    await waitUntil('the outbox entry to be dispatched', async () => {
      const row = await db.outboxEntry.findUniqueOrThrow({ where: { id: entry!.id } });
      return row.dispatchedAt !== null;
    });
    const published = await db.outboxEntry.findUniqueOrThrow({ where: { id: entry!.id } });
    expect(published.publishedAt).not.toBeNull();
    await waitUntil(
      'the job outcome to be audited',
      async () => (await db.jobAudit.count({ where: { jobId: `outbox-${entry!.id}`, state: 'completed' } })) === 1,
    );
  });

  it('leaves no call and no outbox entry behind when the request is rejected', async () => {
    const callsBefore = await db.call.count();
    const outboxBefore = await db.outboxEntry.count();
    const response = await app.inject({
      method: 'POST',
      url: '/call',
      headers: { authorization: `Bearer ${DISPATCH_KEY}` },
      payload: {
        availableExpenditureItems: [],
        clientName: 'ACME',
        created: '2026-11-22T10:00:00Z',
        descriptionHtmlText: 'x',
        descriptionTextForFieldEmployee: 'x',
        ownerId: 999_999,
        serviceObjectAddress: 'a',
        serviceObjectLatitude: 0,
        serviceObjectLongitude: 0,
        serviceObjectName: 'n',
        tasks: [],
      },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ errorCode: 3 });
    expect(await db.call.count()).toBe(callsBefore);
    expect(await db.outboxEntry.count()).toBe(outboxBefore);
  });

  it('asks for the key before looking at the body: no key is 401 even for an invalid body', async () => {
    const response = await app.inject({ method: 'POST', url: '/call', payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.json<{ message: string }>().message).toMatch(/Authorization/);
  });

  it('answers malformed JSON with a 400 ErrorDTO', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/call',
      headers: { authorization: `Bearer ${DISPATCH_KEY}`, 'content-type': 'application/json' },
      payload: '{"clientName":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ errorCode: 0, message: 'malformed JSON body' });
  });
});
