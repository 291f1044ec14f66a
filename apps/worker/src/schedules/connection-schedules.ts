import type { PrismaClient } from '@callbridge/db';
import type { AdapterRegistry } from '@callbridge/sync';
import type { Queue } from 'bullmq';
import { pullJob } from '../queues/catalog.js';

/**
 * Makes the pull queue's job schedulers match the connections: one per enabled connection whose
 * adapter pulls, every `pollIntervalMs`; schedulers of connections that are gone, disabled or
 * changed are updated or removed. Idempotent, so every worker process may run it.
 */
export async function syncConnectionSchedules(db: PrismaClient, registry: AdapterRegistry, pullQueue: Queue) {
  const connections = await db.connection.findMany({
    select: { id: true, adapter: true, enabled: true, pollIntervalMs: true },
  });
  const wanted = connections.filter(
    (connection) => connection.enabled && registry.get(connection.adapter)?.capabilities.pull === true,
  );
  for (const connection of wanted) {
    await pullQueue.upsertJobScheduler(
      pullJob.schedulerId(connection.id),
      { every: connection.pollIntervalMs },
      { name: pullJob.name, data: { connectionId: connection.id, trigger: 'schedule' }, opts: pullJob.options },
    );
  }
  const keep = new Set(wanted.map((connection) => pullJob.schedulerId(connection.id)));
  for (const scheduler of await pullQueue.getJobSchedulers()) {
    if (scheduler.key && !keep.has(scheduler.key)) await pullQueue.removeJobScheduler(scheduler.key);
  }
  return { scheduled: wanted.length };
}
