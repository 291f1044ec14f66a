import { z } from 'zod';

/** int64 ids travel as JSON numbers (spec §1.3). */
export const int64 = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
export const errorBody = z.object({ errorCode: z.number().int(), message: z.string() });
