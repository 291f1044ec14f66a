import type { PrismaClient } from '@callbridge/db';
import { reconcileConnection, recordSyncRun } from '@callbridge/sync';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { pushChangeJob, type ReconcilePayload } from '../queues/catalog.js';

/** Rounds one reconcile job may run while pages keep coming; the next tick goes on. */
const MAX_ROUNDS = 20;

/** One reconcile sweep of a connection: push jobs for whatever the outbox path missed. */
export async function reconcileConnectionJob(
  deps: { db: PrismaClient; pushQueue: Queue; logger: Logger },
  payload: ReconcilePayload,
) {
  const totals = { checked: 0, enqueued: 0 };
  const start = { connectionId: payload.connectionId, kind: 'reconcile' as const, trigger: 'schedule' };
  await recordSyncRun(deps.db, start, totals, async () => {
    for (let round = 0, more = true; more && round < MAX_ROUNDS; round += 1) {
      const result = await reconcileConnection(deps.db, payload.connectionId, async (job) => {
        const outboxId = String(job.outboxId);
        await deps.pushQueue.add(
          pushChangeJob.name,
          { connectionId: job.connectionId, callId: String(job.callId), outboxId },
          { ...pushChangeJob.options, jobId: pushChangeJob.jobId(job.connectionId, outboxId) },
        );
      });
      totals.checked += result.checked;
      totals.enqueued += result.enqueued;
      more = result.more;
    }
  });
  if (totals.enqueued > 0) deps.logger.warn(totals, 'reconcile found changes the outbox path had not pushed');
  return totals;
}
