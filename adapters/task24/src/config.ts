import { z } from 'zod';
import { isTimeZone } from './local-time.js';

const priority = z.enum(['wait', 'normal', 'high']);

/** A task24 connection's settings (besides the engine's `dryRun`, `rateLimit`, `timeoutMs`). */
export const task24ConfigSchema = z
  .object({
    /** The category new tickets get (`category`); left out when unset. */
    categoryId: z.string().min(1).optional(),
    /** `testmode=1` on every request: task24 validates and saves nothing. */
    testMode: z.boolean().default(false),
    /** `/data/<type>/<method>` (path) or `/data/<type>?method=<method>` (param). */
    addressing: z.enum(['path', 'param']).default('path'),
    /** The state a new ticket starts in. */
    initialState: z.enum(['distributing', 'opened']).default('distributing'),
    /** The account's time zone: task24 date-times carry none. */
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Europe/Moscow').default('Europe/Moscow'),
    /** Ticket priority for critical and other calls. */
    priorities: z.object({ critical: priority.default('high'), normal: priority.default('normal') }).prefault({}),
    /** Send the contact's e-mail: task24 then fills the ticket's client fields from its directory card. */
    sendContactEmail: z.boolean().default(true),
    /** How far each window query reaches back before its cursor (clock skew, late writes). */
    overlapMs: z.number().int().min(0).max(86_400_000).default(600_000),
    /** How long a completed or cancelled ticket is still read for late changes. */
    finalGraceMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .default(3 * 86_400_000),
  })
  .strict();

export type Task24Config = z.output<typeof task24ConfigSchema>;

export const task24CredentialsSchema = z.object({ token: z.string().min(1) }).strict();

export type Task24Credentials = z.output<typeof task24CredentialsSchema>;
