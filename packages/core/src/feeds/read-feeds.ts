import type { Db } from '@callbridge/db';
import { callViewInclude, type CallView } from '../calls/call-view.js';
import { readStampHorizon } from '../stamps/stamp-horizon.js';

/** Page size of the modification feeds: the spec has none, so a client keeps polling from the last stamp. */
export const FEED_DEFAULT_LIMIT = 500;
export const FEED_MAX_LIMIT = 1000;

export interface FeedPage {
  after: bigint;
  limit: number;
}

/**
 * The rows of a feed are those with `after < stamp < horizon`, in stamp order (spec §7). Rows of a
 * transaction still open are held back by the horizon, so a poller that continues from the last
 * stamp it saw never skips a row that commits late. The horizon must be read first, on its own.
 */
async function stampWindow(db: Db, after: bigint) {
  const horizon = await readStampHorizon(db);
  return { gt: after, lt: horizon };
}

export async function readCallFeed(db: Db, page: FeedPage): Promise<CallView[]> {
  const timestamp = await stampWindow(db, page.after);
  return db.call.findMany({
    where: { timestamp },
    orderBy: { timestamp: 'asc' },
    take: page.limit,
    include: callViewInclude,
  });
}

export async function readMessageFeed(db: Db, page: FeedPage) {
  const timestamp = await stampWindow(db, page.after);
  return db.callMessage.findMany({
    where: { timestamp },
    orderBy: { timestamp: 'asc' },
    take: page.limit,
    include: { owner: { select: { id: true, name: true } } },
  });
}

export async function readJeopardyFeed(db: Db, page: FeedPage) {
  const timestamp = await stampWindow(db, page.after);
  return db.callJeopardy.findMany({ where: { timestamp }, orderBy: { timestamp: 'asc' }, take: page.limit });
}
