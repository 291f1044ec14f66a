import type { AdapterContext, PullOutcome } from '@callbridge/sync';
import type { BpmClient } from './client.js';
import type { BpmConfig, BpmCredentials } from './config.js';
import { callNumberOf, STATUS, statusDate } from './mapper.js';
import type { BpmCase } from './schemas.js';

type Context = AdapterContext<BpmConfig, BpmCredentials>;

/** Linked cases considered per pull round; a full page means more are waiting. */
const LINKS_PAGE = 500;
/** Pages of the discovery pass per round. */
const DISCOVERY_PAGES = 5;

/**
 * Brings BPM's changes to the portal (digest §9.3): (1) the linked cases not closed (or closed
 * lately), asked for by number in batches; (2) discovery of cases carrying a routed call's number
 * that have no link yet (a create whose answer was lost), newest-modified first down to the cursor
 * less an overlap. Every apply is idempotent; cursors move forward only.
 */
export function createPull(ctx: Context, client: BpmClient) {
  const { portal } = ctx;

  async function apply(callId: bigint, bpmCase: BpmCase): Promise<number> {
    let applied = 0;
    const count = (done: boolean) => void (done && (applied += 1));
    for (const message of bpmCase.messages) {
      if (!message.text.trim()) continue;
      const date = message.createdon ? new Date(message.createdon) : new Date();
      count(await portal.postMessage(callId, { externalId: message.id, text: message.text.trim(), date }));
    }
    const at = statusDate(bpmCase);
    const solution = bpmCase.solution.trim();
    switch (bpmCase.statuscode) {
      case STATUS.inProgress:
        count(await portal.advanceCall(callId, { status: 'Committed', at }));
        break;
      case STATUS.solved:
        count(
          await portal.advanceCall(callId, { status: 'Done', at, comment: solution || 'Solution provided in BPM' }),
        );
        break;
      case STATUS.closed:
        count(await portal.advanceCall(callId, { status: 'Done', at, comment: solution || 'Closed in BPM' }));
        count(await portal.closeCall(callId));
        break;
      case STATUS.reopened:
        count(await portal.advanceCall(callId, { status: 'Committed', at }));
        count(
          await portal.postMessage(callId, {
            externalId: `${bpmCase.number}:reopened:${bpmCase.statusdate}`,
            text: `The case ${bpmCase.number} was reopened in BPM: back to work`,
            date: at,
          }),
        );
        break;
      case STATUS.attention:
        count(
          await portal.requestAttention(callId, {
            externalId: `${bpmCase.number}:attention:${bpmCase.statusdate}`,
            text: `BPM support waits for you on case ${bpmCase.number}${solution ? `: ${solution}` : ''}`,
            date: at,
          }),
        );
        break;
    }
    await ctx.links.save('call', callId, bpmCase.number, String(bpmCase.statuscode));
    return applied;
  }

  async function pollLinked(): Promise<{ applied: number; more: boolean; seen: Set<string> }> {
    const after = await ctx.cursors.get('linked:after');
    const links = await ctx.links.list('call', {
      ...(after ? { afterLocalId: BigInt(after) } : {}),
      limit: LINKS_PAGE,
    });
    const graceStart = Date.now() - ctx.config.closedGraceMs;
    const open = links.filter(
      (link) => link.externalVersion !== String(STATUS.closed) || link.updatedAt.getTime() >= graceStart,
    );
    const callOf = new Map(open.map((link) => [link.externalId, link.localId]));
    let applied = 0;
    for (let start = 0; start < open.length; start += ctx.config.batchSize) {
      const numbers = open.slice(start, start + ctx.config.batchSize).map((link) => link.externalId);
      for (const bpmCase of await client.findCases({ numbers, availability_level: '0' })) {
        const callId = callOf.get(bpmCase.number);
        if (callId !== undefined) applied += await apply(callId, bpmCase);
      }
    }
    const more = links.length === LINKS_PAGE;
    await ctx.cursors.set('linked:after', more ? String(links.at(-1)!.localId) : '0');
    return { applied, more, seen: new Set(callOf.keys()) };
  }

  async function discover(seen: Set<string>): Promise<number> {
    const cursor = await ctx.cursors.get('discover:modifiedon');
    const since = cursor ? new Date(cursor).getTime() - ctx.config.overlapMs : Date.now() - 86_400_000;
    let newest = cursor ? new Date(cursor).getTime() : 0;
    let applied = 0;
    for (let page = 0; page < DISCOVERY_PAGES; page += 1) {
      const cases = await client.findCases({
        sort: 'modifiedon',
        count: ctx.config.batchSize,
        skip: String(page * ctx.config.batchSize),
        availability_level: '0',
      });
      for (const bpmCase of cases) {
        const modified = new Date(bpmCase.modifiedon).getTime();
        if (modified > newest) newest = modified;
        if (seen.has(bpmCase.number) || (await ctx.links.findLocal('call', bpmCase.number)) !== null) continue;
        const number = callNumberOf(bpmCase.subject);
        const call = number ? await ctx.portal.findCallByNumber(number) : null;
        if (!call || (await ctx.links.findExternal('call', call.id)) !== null) continue;
        ctx.logger.info(
          { caseNumber: bpmCase.number, callNumber: call.number },
          'linked a case found by its call number',
        );
        applied += await apply(call.id, bpmCase);
      }
      const oldest = cases.at(-1);
      if (cases.length < ctx.config.batchSize || !oldest || new Date(oldest.modifiedon).getTime() < since) break;
    }
    if (newest > 0) await ctx.cursors.set('discover:modifiedon', new Date(newest).toISOString());
    return applied;
  }

  return async function pull(): Promise<PullOutcome> {
    const linked = await pollLinked();
    const discovered = await discover(linked.seen);
    return { applied: linked.applied + discovered, more: linked.more };
  };
}
