import type { AdapterContext, CallSnapshot, OutboundChange, PushOutcome } from '@callbridge/sync';
import type { BpmClient } from './client.js';
import type { BpmConfig, BpmCredentials } from './config.js';
import { caseKey, caseSubject, newCaseFields, STATUS } from './mapper.js';

type Context = AdapterContext<BpmConfig, BpmCredentials>;

/**
 * Sends one portal change to BPM (issue 6): the call's case first — looked up by the bracketed call
 * number before one is created (digest §9.4) — then what the change means for it.
 */
export function createPush(ctx: Context, client: BpmClient) {
  async function caseFor(call: CallSnapshot): Promise<string> {
    const linked = await ctx.links.findExternal('call', call.id);
    if (linked) return linked;
    const subject = caseSubject(call);
    const found = (await client.findCases({ search_line: caseKey(call.number), availability_level: '0' })).find(
      (candidate) => candidate.subject === subject,
    );
    const number = found?.number ?? (await client.createCase(newCaseFields(call, ctx.config)));
    await ctx.links.save('call', call.id, number, String(found?.statuscode ?? STATUS.open));
    if (found) ctx.logger.info({ caseNumber: number, callNumber: call.number }, 'adopted the case a lost answer left');
    return number;
  }

  /** A portal message as a case message, exactly once: one sent just before a crash is adopted. */
  async function message(number: string, message: NonNullable<OutboundChange['message']>) {
    const current = await client.getCase(number);
    for (const existing of current.messages) {
      if (existing.direction === 'support' || existing.text !== message.message) continue;
      if ((await ctx.links.findLocal('message', existing.id)) !== null) continue;
      await ctx.links.save('message', message.id, existing.id);
      return;
    }
    await ctx.links.save('message', message.id, await client.addMessage(number, message.message));
  }

  /**
   * A task attachment as a case file, exactly once. `file` returns no id (digest §4.4), so the file
   * is found again by name among the case's participant files: an unlinked one is adopted (an upload
   * just before a crash), else the bytes are uploaded and the new file linked.
   */
  async function file(number: string, attachmentId: bigint): Promise<PushOutcome> {
    const attachment = await ctx.portal.attachment(attachmentId);
    if (!attachment) return { status: 'skipped', reason: `attachment ${attachmentId} is gone` };
    const unlinked = async () => {
      for (const existing of (await client.getCase(number)).files) {
        if (existing.direction === 'support' || existing.name !== attachment.fileName || !existing.id) continue;
        if ((await ctx.links.findLocal('attachment', existing.id)) === null) return existing.id;
      }
      return null;
    };
    let fileId = await unlinked();
    if (fileId === null) {
      await client.uploadFile(number, attachment.fileName, attachment.bytes);
      fileId = await unlinked();
    }
    await ctx.links.save('attachment', attachmentId, fileId ?? `${number}/${attachment.fileName}#${attachmentId}`);
    return { status: 'sent', externalId: number };
  }

  return async function push(change: OutboundChange): Promise<PushOutcome> {
    const { call } = change;
    if (ctx.dryRun) {
      ctx.plan({ operation: change.topic, target: call.number, body: { topic: change.topic } });
      return { status: 'planned', plan: [] };
    }
    switch (change.topic) {
      case 'call.created':
        return { status: 'sent', externalId: await caseFor(call) };
      case 'message.created': {
        if (!change.message) return { status: 'skipped', reason: 'the message is gone' };
        const number = await caseFor(call);
        if ((await ctx.links.findExternal('message', change.message.id)) === null)
          await message(number, change.message);
        return { status: 'sent', externalId: number };
      }
      case 'attachment.created': {
        if (change.entityId === null) return { status: 'skipped', reason: 'no attachment id' };
        if ((await ctx.links.findExternal('attachment', change.entityId)) !== null) {
          return { status: 'skipped', reason: 'the attachment is already a case file' };
        }
        return file(await caseFor(call), change.entityId);
      }
      case 'call.status': {
        if (call.status !== 'Closed') return { status: 'skipped', reason: `BPM's specialists drive ${call.status}` };
        const number = await caseFor(call);
        const current = await client.getCase(number);
        if (current.statuscode === STATUS.closed) return { status: 'skipped', reason: 'the case is already closed' };
        await client.updateCase(number, 'close');
        await ctx.links.save('call', call.id, number, String(STATUS.closed));
        return { status: 'sent', externalId: number };
      }
      default:
        return { status: 'skipped', reason: `BPM has no counterpart for ${change.topic}` };
    }
  };
}
