import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, startApiHarness, type ApiHarness } from './support/api-harness.js';
import { multipartFile } from './support/multipart.js';
import { signInBody } from './support/sign-in.js';

/**
 * The whole life of a call over HTTP only: the dispatch centre registers a contractor and creates a
 * call; the contractor signs in by the spec protocol, accepts and hands a temporary link to a field
 * employee, who reports the work done with costs and a photo; the contractor sends the call cost;
 * the dispatch centre approves it and closes the call. The feeds, notifications and outbox must
 * tell the same story.
 */
describe('full flow: dispatcher → contractor → field employee → costs → approval → close', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApiHarness();
  });
  afterAll(() => api?.close());

  const call = async (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => {
    const response =
      payload === undefined
        ? await api.app.inject({ method, url, headers })
        : await api.app.inject({ method, url, headers, payload });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
    return response;
  };

  it('runs end to end', async () => {
    const dispatch = api.dispatch;
    const { id: userId } = (
      await call('POST', '/user/register', dispatch, { userName: 'acme-service', password: 'secret1' })
    ).json<{ id: number }>();
    const created = (await call('POST', '/call', dispatch, callInput(userId, { critical: true }))).json<{
      id: number;
      tasks: { id: number }[];
    }>();

    const tokens = (await call('POST', '/user/signin', {}, signInBody('acme-service', 'secret1'))).json<{
      access: { token: string };
    }>();
    const contractor = { authorization: `Bearer ${tokens.access.token}` };
    expect((await call('GET', '/user/self', contractor)).json()).toEqual({ id: userId, name: 'acme-service' });

    await call('POST', `/call/${created.id}/status`, contractor, { status: 'Committed' });
    await call('POST', `/call/${created.id}/dispatcher/message`, dispatch, {
      date: '2026-11-23T09:30:00Z',
      message: 'The client is in from 10:00',
    });
    await call('POST', `/call/${created.id}/message`, contractor, { message: 'Sending Pavel' });
    const link = (await call('POST', `/call/${created.id}/templink`, contractor)).json<string>();

    const employeeView = (await call('GET', `/shared/call?token=${link}`, {})).json<{
      availableExpenditureItems: { id: number }[];
    }>();
    const [inspect, repair] = created.tasks.map((task) => task.id) as [number, number];
    await call(
      'POST',
      `/shared/call/done?token=${link}`,
      {},
      {
        comments: 'Cleaned the feeder, replaced the roller',
        callTaskResults: [
          { taskId: inspect, newStatus: 'Done' },
          { taskId: repair, newStatus: 'Done' },
        ],
        expenses: [{ count: 1, expenditureItemId: employeeView.availableExpenditureItems[0]!.id }],
        materials: [{ count: 1, name: 'Roller', ownerType: 'Contractor', price: 1200, serialNumber: 'R-1' }],
      },
    );
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#999' } })
      .jpeg()
      .toBuffer();
    const form = multipartFile('Attachment', 'after.jpg', photo, 'image/jpeg');
    await call('POST', `/shared/callTask/${repair}/attachment?token=${link}`, form.headers, form.payload);

    await call('POST', `/callCost/status/call/${created.id}`, contractor);
    const cost = (await call('GET', `/callCost/call/${created.id}`, dispatch)).json<{
      expenses: { id: number }[];
      materials: { id: number }[];
    }>();
    await call('PATCH', `/callCost/call/${created.id}/changeApprovalStatus`, dispatch, {
      expenses: { [cost.expenses[0]!.id]: 'Approved' },
      materials: { [cost.materials[0]!.id]: 'ApprovedWithCorrection' },
    });
    expect((await call('GET', `/callCost/call/${created.id}`, dispatch)).json()).toMatchObject({ status: 'Processed' });

    await call('POST', `/call/${created.id}/close`, dispatch);

    const final = (await call('GET', `/call/${created.id}`, dispatch)).json<Record<string, unknown>>();
    expect(final).toMatchObject({
      status: 'Closed',
      critical: true,
      comments: 'Cleaned the feeder, replaced the roller',
      commited: expect.any(String),
      finished: expect.any(String),
      tasks: [
        { id: inspect, status: 'Done', result: { attachments: [] } },
        {
          id: repair,
          status: 'Done',
          result: { attachments: [expect.objectContaining({ name: 'after.jpg', type: 'JPEG' })] },
        },
      ],
    });
    const feed = (await call('GET', '/call/modifications/0', dispatch)).json<{ id: number; status: string }[]>();
    expect(feed).toEqual([expect.objectContaining({ id: created.id, status: 'Closed', timestamp: final.timestamp })]);
    const messages = (await call('GET', '/call/messages/modifications/0', dispatch)).json<{ message: string }[]>();
    expect(messages.map((m) => m.message)).toEqual(['The client is in from 10:00', 'Sending Pavel']);

    const notifications = (await call('GET', '/notification', contractor)).json<{ kind: string }[]>();
    expect(notifications.map((n) => n.kind)).toEqual([
      'call.closed',
      'cost.decision',
      'call.dispatcher-message',
      'call.assigned',
    ]);
    const topics = await api.db.outboxEntry.findMany({
      where: { callId: BigInt(created.id) },
      orderBy: { id: 'asc' },
      select: { topic: true },
    });
    expect(new Set(topics.map((t) => t.topic))).toEqual(
      new Set(['call.created', 'call.status', 'message.created', 'task.changed', 'cost.changed', 'attachment.created']),
    );
  });
});
