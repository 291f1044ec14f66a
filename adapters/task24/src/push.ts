import type { AdapterContext, CallSnapshot, OutboundChange, PushOutcome } from '@callbridge/sync';
import type { Task24Client } from './client.js';
import type { Task24Config, Task24Credentials } from './config.js';
import { formatLocal } from './local-time.js';
import type { HistoryEntry } from './schemas.js';
import { isFinal, newTicketFields, plannedDate, ticketSubject } from './mapper.js';

type Context = AdapterContext<Task24Config, Task24Credentials>;

/**
 * Sends one portal change to task24 (issue 5): the call's ticket first (found by its subject before
 * one is created, so a retry after a lost answer adopts it), then what the change means for it.
 */
export function createPush(ctx: Context, client: Task24Client) {
  async function ticketFor(call: CallSnapshot): Promise<string> {
    const linked = await ctx.links.findExternal('call', call.id);
    if (linked) return linked;
    const subject = ticketSubject(call);
    const existing = (await client.findTickets({ subject })).find((ticket) => ticket.subject === subject);
    const ticket = existing ?? (await client.addTicket(newTicketFields(call, ctx.config)));
    await ctx.links.save('call', call.id, ticket.id, ticket.state);
    if (existing)
      ctx.logger.info({ ticketId: ticket.id, callNumber: call.number }, 'adopted the ticket a lost answer left');
    return ticket.id;
  }

  /**
   * A dispatcher message as a ticket comment, exactly once: an unlinked history entry with the same
   * text (a comment sent just before a crash) is adopted instead of sending it again.
   */
  async function comment(ticketId: string, message: NonNullable<OutboundChange['message']>) {
    const sent = async (history: HistoryEntry[]) => {
      for (const entry of [...history].reverse()) {
        if (entry.text !== message.message || (await ctx.links.findLocal('message', entry.id)) !== null) continue;
        await ctx.links.save('message', message.id, entry.id);
        return true;
      }
      return false;
    };
    if (await sent((await client.getTicket(ticketId)).history ?? [])) return;
    const saved = await client.saveTicket(ticketId, { comment: message.message });
    if (!(await sent(saved.history ?? (await client.getTicket(ticketId)).history ?? []))) {
      ctx.logger.warn({ ticketId, messageId: String(message.id) }, 'the comment did not show in the ticket history');
    }
  }

  function plan(change: OutboundChange): PushOutcome {
    ctx.plan({ operation: change.topic, target: change.call.number, body: { topic: change.topic } });
    return { status: 'planned', plan: [] };
  }

  return async function push(change: OutboundChange): Promise<PushOutcome> {
    const { call } = change;
    if (ctx.dryRun) return plan(change);
    switch (change.topic) {
      case 'call.created':
        return { status: 'sent', externalId: await ticketFor(call) };
      case 'message.created': {
        if (!change.message || change.message.fromPortalUser)
          return { status: 'skipped', reason: 'not a dispatcher message' };
        const ticketId = await ticketFor(call);
        if ((await ctx.links.findExternal('message', change.message.id)) === null)
          await comment(ticketId, change.message);
        return { status: 'sent', externalId: ticketId };
      }
      case 'call.changed': {
        const ticketId = await ticketFor(call);
        await client.saveTicket(
          ticketId,
          { date: formatLocal(plannedDate(call), ctx.config.timeZone) },
          { repeatable: true },
        );
        return { status: 'sent', externalId: ticketId };
      }
      case 'call.status': {
        if (call.status !== 'Closed') return { status: 'skipped', reason: `task24's worker drives ${call.status}` };
        const ticketId = await ticketFor(call);
        const ticket = await client.getTicket(ticketId);
        if (isFinal(ticket.state)) return { status: 'skipped', reason: `the ticket is already ${ticket.state}` };
        await client.saveTicket(ticketId, { state: 'cancelled', comment: 'The call was closed in the portal' });
        await ctx.links.save('call', call.id, ticketId, 'cancelled');
        return { status: 'sent', externalId: ticketId };
      }
      default:
        return { status: 'skipped', reason: `task24 has no counterpart for ${change.topic}` };
    }
  };
}
