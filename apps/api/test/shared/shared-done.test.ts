import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';
import { linkedCall } from '../support/linked-call.js';
import { multipartFile } from '../support/multipart.js';

const MATERIAL = { count: 1, name: 'Roller', ownerType: 'ContractHolders', price: 300, serialNumber: 'R-7' };

describe('field employee by temporary link: E34 done, E35–E37 task files and results', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let jpeg: Buffer;

  beforeAll(async () => {
    api = await startApiHarness();
    owner = await api.createUser('field-owner');
    jpeg = await sharp({ create: { width: 6, height: 6, channels: 3, background: '#00f' } })
      .jpeg()
      .toBuffer();
  });
  afterAll(() => api?.close());

  const done = (token: string, payload: object) =>
    api.app.inject({ method: 'POST', url: `/shared/call/done?token=${token}`, payload });
  const upload = (token: string, taskId: number, bytes: Buffer) => {
    const form = multipartFile('Attachment', 'meter.jpg', bytes, 'image/jpeg');
    return api.app.inject({
      method: 'POST',
      url: `/shared/callTask/${taskId}/attachment?token=${token}`,
      headers: form.headers,
      payload: form.payload,
    });
  };

  it('E34 applies task results, costs and the comment and completes the call in one go', async () => {
    const call = await linkedCall(api, owner);
    const [inspect, repair] = call.tasks.map((task) => task.id) as [number, number];
    const response = await done(call.token, {
      comments: 'Replaced the roller',
      callTaskResults: [
        { taskId: inspect, newStatus: 'Done' },
        { taskId: repair, newStatus: 'Canceled' },
      ],
      expenses: [{ count: 2, expenditureItemId: call.itemIds[0] }],
      materials: [MATERIAL],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      id: call.id,
      status: 'Done',
      comments: 'Replaced the roller',
      finished: expect.any(String),
      tasks: [
        { id: inspect, status: 'Done', result: { attachments: [] } },
        { id: repair, status: 'Canceled', result: null },
      ],
    });
    const cost = await api.app.inject({ method: 'GET', url: `/callCost/call/${call.id}`, headers: api.dispatch });
    expect(cost.json()).toMatchObject({
      status: 'Draft',
      expenses: [{ count: 2, expenditureItemId: call.itemIds[0], status: 'New' }],
      materials: [{ ...MATERIAL, status: 'New' }],
    });
    expect((await done(call.token, { comments: 'again' })).json()).toMatchObject({ errorCode: 7 });
  });

  it('E34 undoes everything when one step fails: 409 code 3, 404 unknown task, 404 code 3 unknown item', async () => {
    const call = await linkedCall(api, owner);
    const [inspect] = call.tasks.map((task) => task.id) as [number];
    await api.app.inject({
      method: 'POST',
      url: `/calltask/${inspect}/status`,
      headers: owner.headers,
      payload: { status: 'Canceled' },
    });
    const badTransition = await done(call.token, {
      comments: 'x',
      callTaskResults: [{ taskId: inspect, newStatus: 'Done' }],
      materials: [MATERIAL],
    });
    expect(badTransition.statusCode).toBe(409);
    expect(badTransition.json()).toMatchObject({ errorCode: 3 });
    const other = await api.createCall(owner.id);
    const foreignTask = await done(call.token, {
      comments: 'x',
      callTaskResults: [{ taskId: other.tasks[0]!.id, newStatus: 'Done' }],
    });
    expect(foreignTask.statusCode).toBe(404);
    const unknownItem = await done(call.token, { comments: 'x', expenses: [{ count: 1, expenditureItemId: 999999 }] });
    expect(unknownItem.statusCode).toBe(404);

    const row = await api.db.call.findUniqueOrThrow({ where: { id: BigInt(call.id) }, include: { callCost: true } });
    expect(row.status).toBe('Committed');
    expect(row.callCost).toBeNull();
    expect((await done(call.token, { comments: '   ' })).statusCode).toBe(400);
    expect((await done(call.token, {})).statusCode).toBe(400);
  });

  it('E35 attaches only once the call is Done; E36 downloads it; E37 lists it; a replaced link is 403 on E36', async () => {
    const call = await linkedCall(api, owner);
    const taskId = call.tasks[0]!.id;
    expect((await upload(call.token, taskId, jpeg)).statusCode).toBe(409);
    await done(call.token, { comments: 'ok', callTaskResults: [{ taskId, newStatus: 'Done' }] });

    const saved = await upload(call.token, taskId, jpeg);
    expect(saved.statusCode, saved.body).toBe(200);
    const attachment = saved.json<{ id: number; type: string }>();
    expect(attachment.type).toBe('JPEG');
    expect((await upload(call.token, taskId, jpeg.subarray(0, 100))).statusCode).toBe(422);

    const download = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${taskId}/attachment/${attachment.id}/download?token=${call.token}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.equals(jpeg)).toBe(true);
    const result = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${taskId}/result?token=${call.token}`,
    });
    expect(result.json()).toEqual({ attachments: [expect.objectContaining({ id: attachment.id })] });

    const missing = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${taskId}/attachment/999999/download?token=${call.token}`,
    });
    expect(missing.json()).toMatchObject({ errorCode: 2 });
    const otherCall = await api.createCall(owner.id);
    const foreign = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${otherCall.tasks[0]!.id}/result?token=${call.token}`,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignDownload = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${otherCall.tasks[0]!.id}/attachment/${attachment.id}/download?token=${call.token}`,
    });
    expect(foreignDownload.json()).toMatchObject({ errorCode: 1 });

    // A new link for the call replaces the employee's (the link is issued while Committed; set it back for that).
    await api.db.call.update({ where: { id: BigInt(call.id) }, data: { status: 'Committed' } });
    await api.app.inject({ method: 'POST', url: `/call/${call.id}/templink`, headers: owner.headers });
    const replaced = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${taskId}/attachment/${attachment.id}/download?token=${call.token}`,
    });
    expect(replaced.statusCode).toBe(403);
    expect((await upload(call.token, taskId, jpeg)).statusCode).toBe(404);
  });

  it('E37 answers 404 for a task without a result', async () => {
    const call = await linkedCall(api, owner);
    const result = await api.app.inject({
      method: 'GET',
      url: `/shared/callTask/${call.tasks[0]!.id}/result?token=${call.token}`,
    });
    expect(result.statusCode).toBe(404);
  });
});
