import { z } from 'zod';

/**
 * What every connection's `settings` may hold besides its adapter's own config: `dryRun` (record
 * the intended external writes, send nothing) and the connection's `rateLimit`.
 */
export const engineSettingsSchema = z.object({
  dryRun: z.boolean().default(false),
  rateLimit: z
    .object({ limit: z.number().int().min(1).max(100_000), intervalMs: z.number().int().min(100).max(3_600_000) })
    .optional(),
});

export type EngineSettings = z.output<typeof engineSettingsSchema>;

/** Splits `settings` into the engine's part and the adapter's config. */
export function splitSettings(settings: Record<string, unknown>): { engine: unknown; config: Record<string, unknown> } {
  const { dryRun, rateLimit, ...config } = settings;
  return { engine: { dryRun, rateLimit }, config };
}
