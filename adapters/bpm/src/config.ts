import { z } from 'zod';

const priority = z.number().int().min(1).max(4);

/** A BPM connection's settings (besides the engine's `dryRun`, `rateLimit`, `timeoutMs`). */
export const bpmConfigSchema = z
  .object({
    /**
     * The login body's field names. The seed names them `login`/`password`; stock Creatio wants
     * `UserName`/`UserPassword` (digest §2.1). The seed wins by default.
     */
    loginFieldNames: z
      .object({ login: z.string().min(1).default('login'), password: z.string().min(1).default('password') })
      .prefault({}),
    /** Case priority (1 normal … 4 critical, digest §6.1) for critical and other calls. */
    priorities: z.object({ critical: priority.default(4), normal: priority.default(1) }).prefault({}),
    /** Least time between two logins of one worker: a failing login is never retried in a loop. */
    loginMinIntervalMs: z.number().int().min(0).max(600_000).default(5_000),
    /** Cases asked for per `cases` request when polling linked cases by number. */
    batchSize: z.number().int().min(1).max(200).default(50),
    /** How far the discovery pass (sort=modifiedon) reaches back before its cursor. */
    overlapMs: z.number().int().min(0).max(86_400_000).default(600_000),
    /** How long a closed case is still polled, for a late reopen. */
    closedGraceMs: z
      .number()
      .int()
      .min(0)
      .max(30 * 86_400_000)
      .default(7 * 86_400_000),
  })
  .strict();

export type BpmConfig = z.output<typeof bpmConfigSchema>;

export const bpmCredentialsSchema = z.object({ login: z.string().min(1), password: z.string().min(1) }).strict();

export type BpmCredentials = z.output<typeof bpmCredentialsSchema>;
