import type { AdapterContext, PullOutcome } from '@callbridge/sync';
import type { Task24Client } from './client.js';
import type { Task24Config, Task24Credentials } from './config.js';
import { formatLocal, parseLocal } from './local-time.js';
import { callProgressOf, commentsOf, isFinal, lastStateComment } from './mapper.js';
import type { Ticket } from './schemas.js';

type Context = AdapterContext<Task24Config, Task24Credentials>;

/** Linked tickets read per pull round; a full page means more are waiting. */
const SWEEP_PAGE = 200;

/** The date each window filters on (digest §4.4.3): `from` matches acceptdate / enddate by state. */
const WINDOWS = { processing: 'acceptdate', completed: 'enddate' } as const;

/**
 * Brings task24's changes to the portal (digest §7.3). task24 has no modified-since filter, so a
 * round (1) reads the tickets that became processing or completed since each window's cursor, less
 * an overlap, and (2) reads a page of the linked tickets still open (or recently final) one by one,
 * for what leaves no date: cancellations and comments. Every apply is idempotent, so the overlap
 * and the two passes seeing one ticket change nothing twice; cursors move forward only, after the
 * tickets they cover are applied.
 */
export function createPull(ctx: Context, client: Task24Client) {
  const { timeZone } = ctx.config;

  async function apply(callId: bigint, ticket: Ticket): Promise<number> {
    const full = ticket.history ? ticket : await client.getTicket(ticket.id);
    let applied = 0;
    for (const entry of commentsOf(full)) {
      const date = (entry.at ? parseLocal(entry.at, timeZone) : null) ?? new Date();
      if (await ctx.portal.postMessage(callId, { externalId: entry.id, text: entry.text!.trim(), date })) applied += 1;
    }
    const progress = callProgressOf(full, timeZone);
    if (progress && (await ctx.portal.advanceCall(callId, progress))) applied += 1;
    if (full.state === 'cancelled') {
      const reason = lastStateComment(full, 'cancelled') ?? 'no reason given';
      const jeopardy = { externalId: `${full.id}:cancelled`, comment: `Cancelled in task24: ${reason}` };
      if (await ctx.portal.raiseJeopardy(callId, jeopardy)) applied += 1;
    }
    await ctx.links.save('call', callId, full.id, full.state);
    return applied;
  }

  async function readWindow(state: keyof typeof WINDOWS, seen: Set<string>): Promise<number> {
    const stream = `window:${state}`;
    const cursor = await ctx.cursors.get(stream);
    const start = cursor ? parseLocal(cursor, timeZone) : null;
    const from = new Date((start ?? new Date()).getTime() - ctx.config.overlapMs - (start ? 0 : 86_400_000));
    const tickets = await client.findTickets({ state, from: formatLocal(from, timeZone) });
    let applied = 0;
    let newest = cursor;
    for (const ticket of tickets) {
      const callId = await ctx.links.findLocal('call', ticket.id);
      if (callId === null) continue;
      applied += await apply(callId, ticket);
      seen.add(ticket.id);
      const stamp = ticket[WINDOWS[state]];
      if (stamp && (newest === null || stamp > newest)) newest = stamp;
    }
    if (newest !== null && newest !== cursor) await ctx.cursors.set(stream, newest);
    return applied;
  }

  async function sweepLinked(seen: Set<string>): Promise<{ applied: number; more: boolean }> {
    const after = await ctx.cursors.get('sweep:after');
    const links = await ctx.links.list('call', {
      ...(after ? { afterLocalId: BigInt(after) } : {}),
      limit: SWEEP_PAGE,
    });
    const graceStart = Date.now() - ctx.config.finalGraceMs;
    let applied = 0;
    for (const link of links) {
      if (seen.has(link.externalId)) continue;
      if (isFinal(link.externalVersion) && link.updatedAt.getTime() < graceStart) continue;
      applied += await apply(link.localId, await client.getTicket(link.externalId));
    }
    const more = links.length === SWEEP_PAGE;
    await ctx.cursors.set('sweep:after', more ? String(links.at(-1)!.localId) : '0');
    return { applied, more };
  }

  return async function pull(): Promise<PullOutcome> {
    const seen = new Set<string>();
    let applied = 0;
    for (const state of ['processing', 'completed'] as const) applied += await readWindow(state, seen);
    const sweep = await sweepLinked(seen);
    return { applied: applied + sweep.applied, more: sweep.more };
  };
}
