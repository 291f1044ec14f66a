import { defineAdapter } from '@callbridge/sync';
import { z } from 'zod';

/**
 * A tiny adapter for tests of the engine's edges: its self-test asks `GET /ping?token=…` of the
 * connection's base URL through the connection's HTTP client and reports what the server said.
 */
export const probeAdapter = defineAdapter({
  kind: 'probe',
  title: 'Probe (tests only)',
  configSchema: z.object({ category: z.string().optional() }).strict(),
  credentialsSchema: z.object({ token: z.string().min(8) }).strict(),
  secretFields: ['token'],
  capabilities: { push: false, pull: false },
  create: (ctx) => ({
    async selfTest() {
      try {
        const response = await ctx.http.request({
          method: 'GET',
          path: 'ping',
          query: { token: ctx.credentials.token },
        });
        return { ok: true as const, detail: response.text() };
      } catch (error) {
        return { ok: false as const, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  }),
});
