import { randomBytes } from 'node:crypto';
import { createCall, postExternalMessage } from '@callbridge/core';
import { createDb, type Prisma, type PrismaClient } from '@callbridge/db';
import { createTestDatabase, type TestDatabase } from '@callbridge/testkit/vitest';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterDefinition } from '../contract/adapter.js';
import { createAdapterRegistry } from '../contract/registry.js';
import { sealCredentials } from '../credentials/credentials-cipher.js';
import { openConnection, type OpenedConnection } from '../engine/open-connection.js';
import { pullConnection } from '../engine/pull-connection.js';
import { pushCallChanges, pushStream } from '../engine/push-changes.js';

/** A running simulator of the adapter's system, as the contract suite drives it. */
export interface SimulatorHandle {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * What the contract suite needs to know about one adapter and its simulator. Every adapter runs
 * the same suite (issue 4, in the spirit of Airbyte's connector acceptance tests).
 */
export interface ContractTarget<Sim extends SimulatorHandle> {
  // The suite only hands the definition to the registry; its own types do not matter here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  adapter: AdapterDefinition<any, any>;
  start(): Promise<Sim>;
  credentials: { valid: Record<string, unknown>; invalid: Record<string, unknown> };
  /** Connection settings (the adapter's config and the engine's), e.g. short timeouts. */
  settings?: Record<string, unknown>;
  /** External records that carry the call number (its natural key). */
  recordsFor(sim: Sim, callNumber: string): Promise<number> | number;
  /** The next `count` requests fail with a 5xx, unapplied. */
  failNextRequests(sim: Sim, count: number): void;
  /** The next write is applied but its answer never arrives (the client times out). */
  loseNextAnswer(sim: Sim): void;
  /** A person in the external system takes the record on: a pull then makes the call Committed. */
  takeExternally(sim: Sim, externalId: string): Promise<void> | void;
  /** A person in the external system comments on the record. */
  commentExternally(sim: Sim, externalId: string, text: string): Promise<void> | void;
  /** The comment texts on the external record. */
  commentsOn(sim: Sim, externalId: string): Promise<string[]> | string[];
  /** Cursor streams that must never move backwards, and how their values compare. */
  monotonicStreams: RegExp;
  compareCursors?: (a: string, b: string) => number;
}

const KEY = { id: 'contract', key: randomBytes(32) };

/** Registers the shared adapter contract tests for `target` in the calling test file. */
export function describeAdapterContract<Sim extends SimulatorHandle>(target: ContractTarget<Sim>): void {
  describe(`adapter contract: ${target.adapter.kind}`, () => {
    let database: TestDatabase;
    let db: PrismaClient;
    let sim: Sim;
    let ownerId: bigint;
    const opened: OpenedConnection[] = [];
    const registry = createAdapterRegistry([target.adapter]);
    const logger = pino({ level: 'silent' });
    const compare = target.compareCursors ?? ((a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }));

    beforeAll(async () => {
      database = await createTestDatabase();
      db = createDb({ connectionString: database.url });
      sim = await target.start();
      ownerId = (await db.user.create({ data: { name: `owner-${KEY.id}`, passwordHash: Buffer.alloc(32) } })).id;
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((connection) => connection.close()));
    });
    afterAll(async () => {
      await sim?.close();
      await db?.$disconnect();
      await database?.drop();
    });

    async function connect(credentials = target.credentials.valid): Promise<OpenedConnection> {
      const sealed = sealCredentials(credentials, KEY);
      const row = await db.connection.create({
        data: {
          adapter: target.adapter.kind,
          name: `contract-${randomBytes(4).toString('hex')}`,
          baseUrl: sim.baseUrl,
          credentialsCipher: sealed.cipher,
          credentialsKeyId: sealed.keyId,
          settings: (target.settings ?? {}) as Prisma.InputJsonObject,
        },
      });
      return reopen(row.id);
    }
    async function reopen(connectionId: string): Promise<OpenedConnection> {
      const connection = await openConnection({ db, registry, keys: [KEY], logger }, connectionId);
      opened.push(connection);
      return connection;
    }
    async function newCall() {
      return createCall(db, {
        ownerId,
        clientName: 'ACME Ltd',
        contactPersonName: 'Jane Roe',
        contactPersonPhone: '+79000000000',
        created: new Date(),
        descriptionHtmlText: '<p>The printer jams</p>',
        descriptionTextForFieldEmployee: 'Bring a fuser',
        serviceObjectName: `Printer ${randomBytes(3).toString('hex')}`,
        serviceObjectAddress: 'Lenina 1',
        serviceObjectLatitude: 55.75,
        serviceObjectLongitude: 37.61,
        tto: new Date(Date.now() + 3_600_000),
        tasks: [{ title: 'Repair' }],
        availableExpenditureItems: [],
      });
    }
    const lastOutboxId = async (callId: bigint) =>
      (await db.outboxEntry.findFirstOrThrow({ where: { callId }, orderBy: { id: 'desc' } })).id;
    /** Pushes like the push job and its retries do: again after each failure, up to `attempts`. */
    async function pushWithRetries(connection: OpenedConnection, callId: bigint, attempts = 6) {
      const job = { connectionId: connection.id, callId, outboxId: await lastOutboxId(callId) };
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await pushCallChanges(db, connection, job);
        } catch (error) {
          if (attempt >= attempts) throw error;
        }
      }
    }
    const linkOf = async (connection: OpenedConnection, callId: bigint) =>
      (
        await db.externalLink.findUniqueOrThrow({
          where: { connectionId_entity_localId: { connectionId: connection.id, entity: 'call', localId: callId } },
        })
      ).externalId;
    const cursorsOf = async (connectionId: string) =>
      new Map(
        (await db.syncCursor.findMany({ where: { connectionId } }))
          .filter((cursor) => target.monotonicStreams.test(cursor.stream))
          .map((cursor) => [cursor.stream, cursor.value]),
      );

    it('passes its self-test with valid credentials and fails it, with a reason, with invalid ones', async () => {
      expect(await (await connect()).adapter.selfTest()).toMatchObject({ ok: true });
      const refused = await (await connect(target.credentials.invalid)).adapter.selfTest();
      expect(refused.ok).toBe(false);
      expect(refused.ok ? '' : refused.reason).not.toBe('');
    });

    it('creates exactly one external record when requests fail with 5xx and are retried', async () => {
      const connection = await connect();
      const call = await newCall();
      target.failNextRequests(sim, 2);
      await pushWithRetries(connection, call.id);
      expect(await target.recordsFor(sim, call.number)).toBe(1);
      expect(await linkOf(connection, call.id)).toBeTruthy();
    });

    it('creates exactly one external record when the answer to the create is lost', async () => {
      const connection = await connect();
      const call = await newCall();
      target.loseNextAnswer(sim);
      await pushWithRetries(connection, call.id);
      expect(await target.recordsFor(sim, call.number)).toBe(1);
    });

    it('finds the record instead of creating another after a crash between "sent" and "link saved"', async () => {
      const connection = await connect();
      const call = await newCall();
      await pushWithRetries(connection, call.id);
      // The process died after the external write: neither the link nor the cursor were saved.
      await db.externalLink.deleteMany({ where: { connectionId: connection.id } });
      await db.syncCursor.deleteMany({ where: { connectionId: connection.id, stream: pushStream(call.id) } });
      await pushWithRetries(await reopen(connection.id), call.id);
      expect(await target.recordsFor(sim, call.number)).toBe(1);
      expect(await linkOf(connection, call.id)).toBeTruthy();
    });

    it('applies pulled changes once, never moves its cursors back, and resumes from its checkpoint', async () => {
      const connection = await connect();
      const call = await newCall();
      await pushWithRetries(connection, call.id);
      const externalId = await linkOf(connection, call.id);

      await target.takeExternally(sim, externalId);
      expect((await pullConnection(db, connection, 'manual')).applied).toBeGreaterThanOrEqual(1);
      expect((await db.call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe('Committed');
      const before = await cursorsOf(connection.id);

      // A restarted worker opens the connection afresh: nothing is applied again.
      const restarted = await reopen(connection.id);
      expect((await pullConnection(db, restarted, 'manual')).applied).toBe(0);
      await target.commentExternally(sim, externalId, 'The part is on its way');
      expect((await pullConnection(db, restarted, 'manual')).applied).toBe(1);
      expect((await pullConnection(db, restarted, 'manual')).applied).toBe(0);
      const messages = await db.callMessage.findMany({ where: { callId: call.id } });
      expect(messages.map((message) => message.message)).toEqual(['The part is on its way']);

      const after = await cursorsOf(connection.id);
      for (const [stream, value] of before) {
        expect(after.has(stream), stream).toBe(true);
        expect(compare(after.get(stream)!, value), stream).toBeGreaterThanOrEqual(0);
      }
    });

    it('never sends a pulled change back to its system, and never pulls its own push back in', async () => {
      const connection = await connect();
      const call = await newCall();
      await pushWithRetries(connection, call.id);
      const externalId = await linkOf(connection, call.id);

      await target.commentExternally(sim, externalId, 'Arrived on site');
      await pullConnection(db, connection, 'manual');
      const pulled = await db.callMessage.findFirstOrThrow({ where: { callId: call.id } });
      expect(pulled.originConnectionId).toBe(connection.id);
      await pushWithRetries(connection, call.id);
      expect(await target.commentsOn(sim, externalId)).toEqual(['Arrived on site']);

      await postExternalMessage(db, call.id, { message: 'Please call the client first', date: new Date() });
      await pushWithRetries(connection, call.id);
      expect(await target.commentsOn(sim, externalId)).toEqual(['Arrived on site', 'Please call the client first']);
      await pullConnection(db, connection, 'manual');
      expect(await db.callMessage.count({ where: { callId: call.id } })).toBe(2);
    });
  });
}
