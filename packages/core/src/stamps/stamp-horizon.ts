import type { Db } from '@callbridge/db';

/**
 * The stamp below which every row is final: no open transaction can still commit a call, message
 * or jeopardy with a smaller stamp (migration `..._modification_stamps` explains how). A feed
 * answers only rows with `cursor < stamp < horizon`.
 *
 * Must run as its own statement before the rows are read (READ COMMITTED gives the next statement
 * a fresh snapshot that sees everything committed below the horizon); never inside a REPEATABLE
 * READ or SERIALIZABLE transaction.
 */
export async function readStampHorizon(db: Db): Promise<bigint> {
  const [row] = await db.$queryRaw<{ horizon: bigint }[]>`SELECT modification_stamp_horizon() AS horizon`;
  if (!row) throw new Error('modification_stamp_horizon() returned no row');
  return row.horizon;
}
