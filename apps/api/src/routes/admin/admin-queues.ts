import { QUEUES } from '@callbridge/worker';
import { Queue } from 'bullmq';
import type { ApiDeps } from '../../deps.js';

/**
 * The worker's queues as the admin API sees them (for bull-board and replay). They share the
 * worker's names and key prefix; a producer connection fails fast when Redis is down.
 */
export function openAdminQueues(deps: ApiDeps): Map<string, Queue> {
  const connection = { url: deps.config.REDIS_URL, maxRetriesPerRequest: 1 };
  return new Map(
    Object.values(QUEUES).map((name) => [
      name,
      new Queue(name, { connection, prefix: deps.queuePrefix ?? deps.config.QUEUE_PREFIX }),
    ]),
  );
}
