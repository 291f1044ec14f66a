import { z } from 'zod';

/** int64 ids travel as JSON numbers (spec §1.3). */
export const int64 = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const dateTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
/** A date-time on the way out (serialised from a Date by the mappers). */
export const dateTimeOut = z.iso.datetime({ offset: true });

/** Base64 with `=` padding, standard alphabet (spec §1.3, Ambiguity 5). */
export const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const base64 = z.string().regex(BASE64_PATTERN, 'must be base64 (standard alphabet, = padding)');

/** A path id (`{id}`, `{callId}`, …): a decimal int64. Ids that exist nowhere get the route's 404. */
export const pathId = z.coerce
  .number({ error: 'must be an integer id' })
  .int('must be an integer id')
  .min(0, 'must be an integer id')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const idParams = z.object({ id: pathId });
export const callIdParams = z.object({ callId: pathId });

/** ErrorDTO (spec §4.20) with a human message; `errorCode` 0 where the spec documents no code. */
export const errorBody = z.object({ errorCode: z.number().int(), message: z.string() }).meta({
  id: 'ErrorDTO',
  description: 'Error details: the spec errorCode (0 when none is documented) and a message.',
});

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422;

/** Response schemas for the error statuses a route documents (each an ErrorDTO). */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorBody> {
  return Object.fromEntries(statuses.map((status) => [status, errorBody])) as Record<S, typeof errorBody>;
}

/** A documented empty success (204). */
export const noContent = z.null().describe('No Content');

export const SECURITY = {
  external: [{ ExternalSystemAuth: [] }],
  user: [{ UserAuth: [] }],
  service: [{ ServiceUserAuth: [] }],
  none: [],
} as const;
