export {
  readCallFeed,
  readMessageFeed,
  readJeopardyFeed,
  FEED_DEFAULT_LIMIT,
  FEED_MAX_LIMIT,
  type FeedPage,
} from './read-feeds.js';
