import type { PrismaClient } from '@callbridge/db';
import type { AdapterRegistry } from '@callbridge/sync';
import type { Queue } from 'bullmq';
import { pullJob, reconcileJob } from '../queues/catalog.js';

/**
 * Makes the pull queue's job schedulers match the connections: a pull every `pollIntervalMs` for
 * each enabled connection whose adapter pulls, and a reconcile sweep for each one that pushes.
 * Schedulers of connections that are gone, disabled or changed are updated or removed. Idempotent,
 * so every worker process may run it.
 */
export async function syncConnectionSchedules(db: PrismaClient, registry: AdapterRegistry, pullQueue: Queue) {
  const connections = await db.connection.findMany({
    where: { enabled: true },
    select: { id: true, adapter: true, pollIntervalMs: true },
  });
  const keep = new Set<string>();
  for (const connection of connections) {
    const capabilities = registry.get(connection.adapter)?.capabilities;
    if (capabilities?.pull) {
      keep.add(pullJob.schedulerId(connection.id));
      await pullQueue.upsertJobScheduler(
        pullJob.schedulerId(connection.id),
        { every: connection.pollIntervalMs },
        { name: pullJob.name, data: { connectionId: connection.id, trigger: 'schedule' }, opts: pullJob.options },
      );
    }
    if (capabilities?.push) {
      keep.add(reconcileJob.schedulerId(connection.id));
      await pullQueue.upsertJobScheduler(
        reconcileJob.schedulerId(connection.id),
        { every: reconcileJob.everyMs(connection.pollIntervalMs) },
        { name: reconcileJob.name, data: { connectionId: connection.id }, opts: reconcileJob.options },
      );
    }
  }
  for (const scheduler of await pullQueue.getJobSchedulers()) {
    if (scheduler.key && !keep.has(scheduler.key)) await pullQueue.removeJobScheduler(scheduler.key);
  }
  return { scheduled: keep.size };
}
