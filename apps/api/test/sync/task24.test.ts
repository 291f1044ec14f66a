import { task24Adapter } from '@callbridge/adapters';
import type { Task24Simulator } from '@callbridge/adapters/task24/simulator';
import { waitUntil } from '@callbridge/testkit';
import type { RunningWorker } from '@callbridge/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHarness, TestUser } from '../support/api-harness.js';
import { startTask24Stack, type Task24Stack } from '../support/task24-stack.js';
import { startTestWorker } from '../support/test-worker.js';

/** Issue 5's "done when", on the real API, worker, PostgreSQL, Redis and the task24 simulator. */
describe('task24: calls ⇄ tickets through the whole stack', () => {
  let stack: Task24Stack;
  let api: ApiHarness;
  let worker: RunningWorker;
  let sim: Task24Simulator;
  let routed: TestUser;
  let other: TestUser;
  let connectionId: string;

  beforeAll(async () => {
    stack = await startTask24Stack();
    ({ api, sim, connectionId, owner: routed } = stack);
    other = await api.createUser('someone-else');
    worker = await startTestWorker(api, [task24Adapter], { queuePrefix: stack.queuePrefix, scheduleRefreshMs: 200 });
  });
  afterAll(async () => {
    await worker?.close();
    await stack?.close();
  });

  const ticketsOf = (number: string) => stack.ticketsOf(number);
  const ticketOf = async (number: string) => {
    await waitUntil(`a ticket for call ${number}`, async () => ticketsOf(number).length > 0);
    return ticketsOf(number)[0]!;
  };
  const callRow = (id: number) => api.db.call.findUniqueOrThrow({ where: { id: BigInt(id) } });

  it('makes a routed call one ticket, with the call mapped onto it', async () => {
    const call = await api.createCall(routed.id, { critical: true, tto: '2026-11-24T07:30:00.000Z' });
    const ticket = await ticketOf(call.number);
    expect(ticket).toMatchObject({
      state: 'distributing',
      priority: 'high',
      subject: `${call.number} Office printer`,
      date: '2026-11-24 10:30:00', // the tto in Europe/Moscow, task24's local time
      name: 'ACME Ltd',
      contact: 'Jane Roe',
      phone: '+7 900 000-00-00',
      email: 'jane@example.com',
      lat: '55.75',
      lng: '37.61',
    });
    expect(ticket.description).toContain(`CallBridge: ${call.number}`);
    // The ticket shows in task24 a moment before the worker has saved its link.
    const link = () =>
      api.db.externalLink.findFirst({ where: { connectionId, entity: 'call', localId: BigInt(call.id) } });
    await waitUntil('the link', async () => (await link()) !== null);
    expect((await link())?.externalId).toBe(ticket.id);
  });

  it('brings a ticket taken and then completed back as Committed and then Done', async () => {
    const call = await api.createCall(routed.id);
    const ticket = await ticketOf(call.number);
    const accepted = new Date('2026-11-23T09:15:00.000Z');
    sim.worker.take(ticket.id, accepted);
    await waitUntil('the call to be Committed', async () => (await callRow(call.id)).status === 'Committed');
    expect((await callRow(call.id)).commited).toEqual(accepted);

    const ended = new Date('2026-11-23T11:40:00.000Z');
    sim.worker.complete(ticket.id, 'Replaced the fuser', ended);
    await waitUntil('the call to be Done', async () => (await callRow(call.id)).status === 'Done');
    expect(await callRow(call.id)).toMatchObject({ finished: ended, comments: 'Replaced the fuser' });
    const statusChanges = await api.db.outboxEntry.findMany({
      where: { callId: BigInt(call.id), topic: 'call.status' },
    });
    expect(statusChanges.map((entry) => entry.originConnectionId)).toEqual([connectionId, connectionId]);
  });

  it('sends nothing for calls of owners the connection does not route', async () => {
    const call = await api.createCall(other.id);
    const routedCall = await api.createCall(routed.id);
    await ticketOf(routedCall.number);
    await waitUntil('the outbox entry to be dispatched', async () =>
      Boolean((await api.db.outboxEntry.findFirst({ where: { callId: BigInt(call.id) } }))?.dispatchedAt),
    );
    expect(ticketsOf(call.number)).toEqual([]);
  });

  it('carries dispatcher messages to ticket comments and ticket comments back as messages, with no echo', async () => {
    const call = await api.createCall(routed.id);
    const ticket = await ticketOf(call.number);
    const posted = await api.app.inject({
      method: 'POST',
      url: `/call/${call.id}/dispatcher/message`,
      headers: api.dispatch,
      payload: { date: '2026-11-23T10:00:00Z', message: 'The client is in from 10:00' },
    });
    expect(posted.statusCode).toBe(200);
    const comments = () =>
      sim
        .tickets()
        .find((candidate) => candidate.id === ticket.id)!
        .history.filter((entry) => entry.type === 'comment')
        .map((entry) => entry.text);
    await waitUntil('the comment in task24', async () => comments().length === 1);

    sim.worker.comment(ticket.id, 'On my way');
    await waitUntil('the worker comment in the portal', async () =>
      Boolean(await api.db.callMessage.findFirst({ where: { callId: BigInt(call.id), message: 'On my way' } })),
    );
    const pulled = await api.db.callMessage.findFirstOrThrow({
      where: { callId: BigInt(call.id), message: 'On my way' },
    });
    expect(pulled).toMatchObject({ ownerId: null, originConnectionId: connectionId });
    // A few more poll intervals: nothing goes back and forth.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(comments()).toEqual(['The client is in from 10:00', 'On my way']);
    expect(await api.db.callMessage.count({ where: { callId: BigInt(call.id) } })).toBe(2);
  });

  it('raises a jeopardy with the reason when the ticket is cancelled in task24', async () => {
    const call = await api.createCall(routed.id);
    const ticket = await ticketOf(call.number);
    sim.worker.cancel(ticket.id, 'The client refused the visit');
    await waitUntil('the jeopardy', async () => (await callRow(call.id)).isJeopardy);
    const jeopardies = await api.db.callJeopardy.findMany({ where: { callId: BigInt(call.id) } });
    expect(jeopardies).toEqual([
      expect.objectContaining({
        comment: 'Cancelled in task24: The client refused the visit',
        originConnectionId: connectionId,
      }),
    ]);
  });

  it('moves the ticket date when the call time-to-object changes', async () => {
    const call = await api.createCall(routed.id);
    await ticketOf(call.number);
    const patched = await api.app.inject({
      method: 'PATCH',
      url: `/call/${call.id}`,
      headers: api.dispatch,
      payload: { tto: '2026-11-30T06:00:00.000Z' },
    });
    expect(patched.statusCode).toBe(200);
    await waitUntil('the new date', async () => ticketsOf(call.number)[0]?.date === '2026-11-30 09:00:00');
  });

  it('cancels the ticket when the call is closed before the ticket was completed', async () => {
    const call = await api.createCall(routed.id);
    const ticket = await ticketOf(call.number);
    for (const payload of [{ status: 'Committed' }, { status: 'Done', comments: 'Fixed through the portal' }]) {
      const moved = await api.app.inject({
        method: 'POST',
        url: `/call/${call.id}/status`,
        headers: routed.headers,
        payload,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const closed = await api.app.inject({ method: 'POST', url: `/call/${call.id}/close`, headers: api.dispatch });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    await waitUntil('the ticket to be cancelled', async () =>
      sim.tickets().some((candidate) => candidate.id === ticket.id && candidate.state === 'cancelled'),
    );
  });

  it('ends every call as exactly one ticket with 30 % of requests failing and 5 % timing out', async () => {
    sim.setFaults({ failureRate: 0.3, timeoutRate: 0.05, hangMs: 3_000, seed: 42 });
    try {
      const calls = await Promise.all(Array.from({ length: 20 }, () => api.createCall(routed.id)));
      await waitUntil(
        'a ticket for every call',
        async () => calls.every((call) => ticketsOf(call.number).length >= 1),
        90_000,
      );
      // Let retries still in flight finish: none may add a second ticket.
      await waitUntil(
        'the push queue to drain',
        async () => (await api.db.outboxEntry.count({ where: { dispatchedAt: null } })) === 0,
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(calls.map((call) => ticketsOf(call.number).length)).toEqual(calls.map(() => 1));
      expect(sim.stats.failed).toBeGreaterThan(0);
      expect(sim.stats.timedOut).toBeGreaterThan(0);
    } finally {
      sim.setFaults({});
    }
  }, 180_000);
});
