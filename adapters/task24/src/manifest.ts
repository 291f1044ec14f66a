import { isHttpError } from '@callbridge/http';
import { defineAdapter } from '@callbridge/sync';
import { createTask24Client } from './client.js';
import { task24ConfigSchema, task24CredentialsSchema } from './config.js';
import { createPull } from './pull.js';
import { createPush } from './push.js';

/** task24.pro: portal calls become tickets, ticket progress and comments come back (issue 5). */
export const task24Adapter = defineAdapter({
  kind: 'task24',
  title: 'task24.pro tickets',
  configSchema: task24ConfigSchema,
  credentialsSchema: task24CredentialsSchema,
  secretFields: ['token'],
  capabilities: { push: true, pull: true },
  create(ctx) {
    const client = createTask24Client(ctx.http, ctx.credentials.token, ctx.config);
    return {
      async selfTest() {
        try {
          const categories = await client.listCategories();
          return { ok: true, detail: `task24 accepted the token (${categories.length} categories)` };
        } catch (error) {
          if (isHttpError(error)) {
            return { ok: false, reason: error.kind === 'reauth' ? 'task24 refused the token' : error.message };
          }
          throw error;
        }
      },
      push: createPush(ctx, client),
      pull: createPull(ctx, client),
    };
  },
});
