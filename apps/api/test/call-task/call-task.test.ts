import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';
import { multipartFile } from '../support/multipart.js';

describe('call tasks E24–E30 and attachments', () => {
  let api: ApiHarness;
  let owner: TestUser;
  let stranger: TestUser;
  let png: Buffer;

  beforeAll(async () => {
    api = await startApiHarness({ ATTACHMENT_MAX_BYTES: '4096' });
    owner = await api.createUser('task-owner');
    stranger = await api.createUser('task-stranger');
    png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
  });
  afterAll(() => api?.close());

  const inject = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    payload === undefined
      ? api.app.inject({ method, url, headers })
      : api.app.inject({ method, url, headers, payload });
  const setTask = (taskId: number, status: string, user = owner) =>
    inject('POST', `/calltask/${taskId}/status`, user.headers, { status });
  const upload = (taskId: number, fileName: string, bytes: Buffer, user = owner) => {
    const form = multipartFile('Attachment', fileName, bytes);
    return api.app.inject({
      method: 'POST',
      url: `/calltask/${taskId}/attachment`,
      headers: { ...user.headers, ...form.headers },
      payload: form.payload,
    });
  };
  async function committedCall() {
    const call = await api.createCall(owner.id);
    await inject('POST', `/call/${call.id}/status`, owner.headers, { status: 'Committed' });
    return call;
  }

  it('E30 moves New → Done (with an empty result) and New → Canceled, bumping the call stamp', async () => {
    const call = await committedCall();
    const [inspect, repair] = call.tasks.map((task) => task.id) as [number, number];
    const stampBefore = (await api.db.call.findUniqueOrThrow({ where: { id: BigInt(call.id) } })).timestamp;
    expect((await setTask(inspect, 'Done')).statusCode).toBe(204);
    expect((await setTask(repair, 'Canceled')).statusCode).toBe(204);
    const stampAfter = (await api.db.call.findUniqueOrThrow({ where: { id: BigInt(call.id) } })).timestamp;
    expect(stampAfter).toBeGreaterThan(stampBefore);

    const view = await inject('GET', `/calltask/${inspect}`, api.dispatch);
    expect(view.json()).toEqual({ id: inspect, title: 'Inspect', status: 'Done', result: { attachments: [] } });
    expect((await inject('GET', `/calltask/${repair}`, api.dispatch)).json()).toMatchObject({ result: null });
    expect(await api.db.outboxEntry.count({ where: { callId: BigInt(call.id), topic: 'task.changed' } })).toBe(2);

    for (const status of ['New', 'Done', 'Canceled']) expect((await setTask(inspect, status)).statusCode).toBe(409);
  });

  it('E30 answers 409 unless the call is Committed, 403, 404, 400 and 401', async () => {
    const call = await api.createCall(owner.id);
    const taskId = call.tasks[0]!.id;
    expect((await setTask(taskId, 'Done')).statusCode).toBe(409);
    await inject('POST', `/call/${call.id}/status`, owner.headers, { status: 'Committed' });
    expect((await setTask(taskId, 'Done', stranger)).statusCode).toBe(403);
    expect((await setTask(999999, 'Done')).statusCode).toBe(404);
    expect((await setTask(taskId, 'Finished')).statusCode).toBe(400);
    expect((await inject('POST', `/calltask/${taskId}/status`, api.dispatch, { status: 'Done' })).statusCode).toBe(401);
  });

  it('E26 stores an upload typed from its bytes; E27 and E28 return it byte-identical; E29 lists it', async () => {
    const call = await committedCall();
    const taskId = call.tasks[0]!.id;
    await setTask(taskId, 'Done');
    const response = await upload(taskId, 'фото счётчика.png', png);
    expect(response.statusCode, response.body).toBe(200);
    const attachment = response.json<{ id: number; name: string; type: string; blobServiceFileName: string }>();
    expect(attachment).toMatchObject({ name: 'фото счётчика.png', type: 'PNG', downloaded: expect.any(String) });

    for (const [url, headers] of [
      [`/calltask/${taskId}/attachment/${attachment.id}`, api.dispatch],
      [`/calltask/${taskId}/attachment/${attachment.id}/download`, owner.headers],
    ] as const) {
      const file = await inject('GET', url, headers);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['content-disposition']).toContain(
        `filename*=UTF-8''${encodeURIComponent('фото счётчика.png')}`,
      );
      expect(file.rawPayload.equals(png)).toBe(true);
    }
    const result = await inject('GET', `/calltask/${taskId}/result`, owner.headers);
    expect(result.json()).toEqual({ attachments: [attachment] });
    const listed = (await inject('GET', '/calltask', api.dispatch)).json<{ id: number; result: unknown }[]>();
    expect(listed.find((task) => task.id === taskId)?.result).toEqual({ attachments: [attachment] });
    expect(
      await api.db.outboxEntry.count({ where: { topic: 'attachment.created', entityId: BigInt(attachment.id) } }),
    ).toBe(1);
  });

  it('E26 answers 422 for unsuitable files, 409 for a task not Done, 400 without the field, 403 and 404', async () => {
    const call = await committedCall();
    const [done, open] = call.tasks.map((task) => task.id) as [number, number];
    await setTask(done, 'Done');
    expect((await upload(open, 'a.png', png)).statusCode).toBe(409);
    expect((await upload(done, 'broken.png', png.subarray(0, png.length - 20))).statusCode).toBe(422);
    expect((await upload(done, 'notes.txt', Buffer.from('plain text'))).statusCode).toBe(422);
    expect((await upload(done, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(422);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 0x20)]);
    const tooBig = await upload(done, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json<{ message: string }>().message).toMatch(/4096 bytes/);
    expect((await upload(done, 'a.png', png, stranger)).statusCode).toBe(403);
    expect((await upload(999999, 'a.png', png)).statusCode).toBe(404);
    const wrongField = multipartFile('File', 'a.png', png);
    const noField = await api.app.inject({
      method: 'POST',
      url: `/calltask/${done}/attachment`,
      headers: { ...owner.headers, ...wrongField.headers },
      payload: wrongField.payload,
    });
    expect(noField.statusCode).toBe(400);
    expect((await inject('POST', `/calltask/${done}/attachment`, owner.headers, { file: 'x' })).statusCode).toBe(400);
    expect(await api.db.callTaskAttachment.count({ where: { taskId: BigInt(done) } })).toBe(0);
  });

  it('E25, E27–E29 answer their 404 codes and 403', async () => {
    const call = await committedCall();
    const taskId = call.tasks[0]!.id;
    expect((await inject('GET', '/calltask/999999', api.dispatch)).statusCode).toBe(404);
    expect((await inject('GET', `/calltask/${taskId}/result`, owner.headers)).statusCode).toBe(404);
    expect((await inject('GET', `/calltask/${taskId}/result`, stranger.headers)).statusCode).toBe(403);
    const noTask = await inject('GET', '/calltask/999999/attachment/1', api.dispatch);
    expect(noTask.json()).toMatchObject({ errorCode: 1 });
    const noFile = await inject('GET', `/calltask/${taskId}/attachment/999999`, api.dispatch);
    expect(noFile.json()).toMatchObject({ errorCode: 2 });
    const noFileDownload = await inject('GET', `/calltask/${taskId}/attachment/999999/download`, owner.headers);
    expect(noFileDownload.json()).toMatchObject({ errorCode: 2 });
    expect((await inject('GET', `/calltask/${taskId}/attachment/1/download`, stranger.headers)).statusCode).toBe(403);
  });
});
