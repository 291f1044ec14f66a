import { z } from 'zod';

/**
 * What every connection's `settings` may hold besides its adapter's own config: `dryRun` (record
 * the intended external writes, send nothing), the connection's `rateLimit` and `timeoutMs`, the
 * longest one attempt of an external request may take.
 */
export const engineSettingsSchema = z.object({
  dryRun: z.boolean().default(false),
  rateLimit: z
    .object({ limit: z.number().int().min(1).max(100_000), intervalMs: z.number().int().min(100).max(3_600_000) })
    .optional(),
  timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
});

export type EngineSettings = z.output<typeof engineSettingsSchema>;

/** Splits `settings` into the engine's part and the adapter's config. */
export function splitSettings(settings: Record<string, unknown>): { engine: unknown; config: Record<string, unknown> } {
  const { dryRun, rateLimit, timeoutMs, ...config } = settings;
  return { engine: { dryRun, rateLimit, timeoutMs }, config };
}
