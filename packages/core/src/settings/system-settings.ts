import type { Db } from '@callbridge/db';

export interface SystemSettingsValues {
  callCostDeadlineDayOfMonth: number;
}

const DEFAULTS: SystemSettingsValues = { callCostDeadlineDayOfMonth: 5 };

/** The general settings (spec §4.31): the single row, or the defaults before anyone changed them. */
export async function readSystemSettings(db: Db): Promise<SystemSettingsValues> {
  const row = await db.systemSettings.findUnique({ where: { id: 1 } });
  return row ? { callCostDeadlineDayOfMonth: row.callCostDeadlineDayOfMonth } : DEFAULTS;
}

/** Changes the given settings (spec E38); absent ones stay. */
export async function patchSystemSettings(db: Db, patch: Partial<SystemSettingsValues>): Promise<void> {
  await db.systemSettings.upsert({
    where: { id: 1 },
    create: { id: 1, ...DEFAULTS, ...patch },
    update: patch,
  });
}
