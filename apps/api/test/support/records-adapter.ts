import { defineAdapter, type PushOutcome } from '@callbridge/sync';
import { z } from 'zod';

/**
 * A test adapter for the record store: a new call becomes one record (looked up by the call number
 * before it is created, so a retry never makes two), and portal messages become its comments.
 */
export const recordsAdapter = defineAdapter({
  kind: 'records',
  title: 'Record store (tests only)',
  configSchema: z.object({}).strict(),
  credentialsSchema: z.object({ token: z.string().min(8) }).strict(),
  secretFields: ['token'],
  capabilities: { push: true, pull: false },
  create: (ctx) => {
    const query = { token: ctx.credentials.token };
    async function recordFor(call: { id: bigint; number: string; serviceObjectName: string }): Promise<string> {
      const linked = await ctx.links.findExternal('call', call.id);
      if (linked) return linked;
      const found = (
        await ctx.http.request({ method: 'GET', path: 'records', query: { ...query, key: call.number } })
      ).json<{ id: string }[]>();
      const id =
        found[0]?.id ??
        (
          await ctx.http.request({
            method: 'POST',
            path: 'records',
            query,
            body: { json: { key: call.number, subject: `${call.number} ${call.serviceObjectName}` } },
            idempotent: true,
          })
        ).json<{ id: string }>().id;
      await ctx.links.save('call', call.id, id);
      return id;
    }
    return {
      async selfTest() {
        await ctx.http.request({ method: 'GET', path: 'records', query: { ...query, key: 'self-test' } });
        return { ok: true as const };
      },
      async push(change): Promise<PushOutcome> {
        if (ctx.dryRun) {
          ctx.plan({ operation: change.topic, target: change.call.number });
          return { status: 'planned', plan: [] };
        }
        const recordId = await recordFor(change.call);
        if (change.topic === 'message.created' && change.message) {
          await ctx.http.request({
            method: 'POST',
            path: `records/${recordId}/comments`,
            query,
            body: { json: { text: change.message.message } },
          });
        }
        return { status: 'sent', externalId: recordId };
      },
    };
  },
});
