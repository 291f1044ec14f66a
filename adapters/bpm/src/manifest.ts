import { isHttpError } from '@callbridge/http';
import { defineAdapter } from '@callbridge/sync';
import { createBpmClient } from './client.js';
import { bpmConfigSchema, bpmCredentialsSchema } from './config.js';
import { createPull } from './pull.js';
import { createPush } from './push.js';

/** The BPM support-case API over a cookie session: calls become cases, case progress comes back (issue 6). */
export const bpmAdapter = defineAdapter({
  kind: 'bpm',
  title: 'BPM support cases (cookie session)',
  configSchema: bpmConfigSchema,
  credentialsSchema: bpmCredentialsSchema,
  secretFields: ['password'],
  capabilities: { push: true, pull: true },
  create(ctx) {
    const client = createBpmClient(ctx.http, ctx.credentials, ctx.config);
    return {
      async selfTest() {
        try {
          const cases = await client.findCases({ availability_level: '0', count: 1 });
          return { ok: true, detail: `BPM accepted the login (${cases.length ? 'cases visible' : 'no cases yet'})` };
        } catch (error) {
          if (isHttpError(error)) return { ok: false, reason: error.message };
          throw error;
        }
      },
      push: createPush(ctx, client),
      pull: createPull(ctx, client),
    };
  },
});
