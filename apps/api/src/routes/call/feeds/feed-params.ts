import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from '@callbridge/core';
import { z } from 'zod';

export const feedParams = z.object({
  timestamp: z.coerce
    .number({ error: 'must be an integer stamp' })
    .int('must be an integer stamp')
    .min(0, 'must not be negative')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
});

export const feedQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(FEED_MAX_LIMIT)
    .default(FEED_DEFAULT_LIMIT)
    .describe(`Page size (default ${FEED_DEFAULT_LIMIT}, at most ${FEED_MAX_LIMIT}).`),
});

/** What every feed route says about its semantics (spec §7 and the paging the spec lacks). */
export const FEED_SEMANTICS =
  'Returns every row whose current `timestamp` is strictly greater than the path value, in ascending ' +
  'timestamp order, each row once in its latest state; `0` returns everything. The spec documents no paging: ' +
  `at most \`limit\` rows come back (default ${FEED_DEFAULT_LIMIT}, at most ${FEED_MAX_LIMIT}), so a client keeps ` +
  'polling with the largest timestamp it got until a page comes back short. Rows of a transaction that is ' +
  'still open are held back until it ends (stamps below the oldest open writer only), so such a poller never ' +
  'misses a row that commits out of order.';
