import { randomBytes } from 'node:crypto';
import { postExternalMessage } from '@callbridge/core';
import { createAdapterRegistry, createConnection } from '@callbridge/sync';
import { waitUntil } from '@callbridge/testkit';
import type { RunningWorker } from '@callbridge/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';
import { startRecordStore } from '../support/record-store.js';
import { recordsAdapter } from '../support/records-adapter.js';
import { startTestWorker } from '../support/test-worker.js';

const TOKEN = 'record-store-token';
const KEYS = `k1:${randomBytes(32).toString('base64')}`;

/** Portal changes reach a real external server through outbox → dispatch → push jobs → adapter. */
describe('push: outbox to an external system', () => {
  let api: ApiHarness;
  let worker: RunningWorker;
  let store: Awaited<ReturnType<typeof startRecordStore>>;
  let routed: TestUser;
  let other: TestUser;
  let connectionId: string;

  beforeAll(async () => {
    api = await startApiHarness({ CREDENTIALS_KEYS: KEYS }, { adapters: [recordsAdapter] });
    store = await startRecordStore(TOKEN);
    routed = await api.createUser('routed-owner');
    other = await api.createUser('other-owner');
    const registry = createAdapterRegistry([recordsAdapter]);
    const admin = { db: api.db, registry, keys: api.config.CREDENTIALS_KEYS ?? [] };
    connectionId = await createConnection(admin, {
      adapter: 'records',
      name: 'store',
      baseUrl: store.url,
      credentials: { token: TOKEN },
      settings: {},
      filter: { ownerIds: [routed.id] },
      pollIntervalMs: 60_000,
      enabled: true,
    });
    worker = await startTestWorker(api, [recordsAdapter]);
  });
  afterAll(async () => {
    await worker?.close();
    await store?.close();
    await api?.close();
  });

  const recordsOf = (number: string) => store.records.filter((record) => record.key === number);

  it('turns a routed call into exactly one record, and its dispatcher message into a comment, in order', async () => {
    const call = await api.createCall(routed.id);
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T10:00:00Z', message: 'Bring the ladder' },
    });
    await waitUntil(
      'the comment to reach the record store',
      async () => recordsOf(call.number)[0]?.comments.length === 1,
    );
    expect(recordsOf(call.number)).toEqual([
      expect.objectContaining({ subject: `${call.number} Office printer`, comments: ['Bring the ladder'] }),
    ]);
    const link = await api.db.externalLink.findFirst({ where: { connectionId, localId: BigInt(call.id) } });
    expect(link?.externalId).toBe(recordsOf(call.number)[0]!.id);
    const runs = await api.db.syncRun.findMany({ where: { connectionId, kind: 'push', status: 'succeeded' } });
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });

  it('survives 503s from the external system and still makes exactly one record', async () => {
    store.state.failNextWrites = 2;
    const call = await api.createCall(routed.id);
    await waitUntil('the record to be created', async () => recordsOf(call.number).length === 1);
    expect(store.state.failNextWrites).toBe(0);
    expect(recordsOf(call.number)).toHaveLength(1);
  });

  it('sends nothing for a call of an owner the connection does not route', async () => {
    const before = store.state.requests;
    const call = await api.createCall(other.id);
    await waitUntil('the outbox entry to be dispatched', async () => {
      const entry = await api.db.outboxEntry.findFirst({ where: { callId: BigInt(call.id) } });
      return entry?.dispatchedAt != null;
    });
    expect(recordsOf(call.number)).toHaveLength(0);
    expect(store.state.requests).toBe(before);
  });

  it('never echoes a change back to the connection it came from', async () => {
    const call = await api.createCall(routed.id);
    await waitUntil('the record to be created', async () => recordsOf(call.number).length === 1);
    await postExternalMessage(
      api.db,
      BigInt(call.id),
      { message: 'from the store itself', date: new Date() },
      { connectionId },
    );
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T11:00:00Z', message: 'from the dispatcher' },
    });
    await waitUntil('the dispatcher message to arrive', async () => recordsOf(call.number)[0]?.comments.length === 1);
    expect(recordsOf(call.number)[0]!.comments).toEqual(['from the dispatcher']);
  });

  it('finds a record a crashed attempt already created (sent, but the link not saved) instead of making a second', async () => {
    await api.db.connection.update({ where: { id: connectionId }, data: { enabled: false } });
    const call = await api.createCall(routed.id);
    await waitUntil('the outbox entry to be dispatched', async () => {
      const entry = await api.db.outboxEntry.findFirst({ where: { callId: BigInt(call.id) } });
      return entry?.dispatchedAt != null;
    });
    store.records.push({ id: 'R-orphan', key: call.number, subject: 'created before a crash', comments: [] });
    await api.db.connection.update({ where: { id: connectionId }, data: { enabled: true } });
    await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T12:00:00Z', message: 'after the crash' },
    });
    await waitUntil('the message to reach the record', async () => recordsOf(call.number)[0]?.comments.length === 1);
    expect(recordsOf(call.number)).toEqual([
      expect.objectContaining({ id: 'R-orphan', comments: ['after the crash'] }),
    ]);
    const link = await api.db.externalLink.findFirst({ where: { connectionId, localId: BigInt(call.id) } });
    expect(link?.externalId).toBe('R-orphan');
  });

  it('in a dry run records the intended writes in the run and sends nothing', async () => {
    const registry = createAdapterRegistry([recordsAdapter]);
    const dryId = await createConnection(
      { db: api.db, registry, keys: api.config.CREDENTIALS_KEYS ?? [] },
      {
        adapter: 'records',
        name: 'store-dry-run',
        baseUrl: store.url,
        credentials: { token: TOKEN },
        settings: { dryRun: true },
        filter: { ownerIds: [other.id] },
        pollIntervalMs: 60_000,
        enabled: true,
      },
    );
    const before = store.state.requests;
    const call = await api.createCall(other.id);
    await waitUntil(
      'the dry run to be recorded',
      async () => (await api.db.syncRun.count({ where: { connectionId: dryId, status: 'succeeded' } })) === 1,
    );
    const run = await api.db.syncRun.findFirstOrThrow({ where: { connectionId: dryId } });
    expect(run.plan).toEqual([{ operation: 'call.created', target: call.number }]);
    expect(store.state.requests).toBe(before);
    expect(recordsOf(call.number)).toHaveLength(0);
  });
});
