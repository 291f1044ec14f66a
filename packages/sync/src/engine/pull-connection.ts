import type { PrismaClient } from '@callbridge/db';
import type { OpenedConnection } from './open-connection.js';
import { recordSyncRun } from './record-sync-run.js';

/** Pull rounds one job may run while the adapter says more is waiting; the next tick goes on. */
const MAX_ROUNDS = 20;

/**
 * Runs a connection's pull: the adapter reads its external changes from its own cursors, applies
 * them and checkpoints per batch (its cursors move only after a batch is applied); this repeats
 * while the adapter says more is waiting. The run is recorded with what it applied or why it failed.
 */
export async function pullConnection(
  db: PrismaClient,
  connection: OpenedConnection,
  trigger: 'schedule' | 'manual',
): Promise<{ applied: number; rounds: number }> {
  const adapter = connection.adapter;
  if (!adapter.pull) return { applied: 0, rounds: 0 };
  const previous = await db.syncRun.findFirst({
    where: { connectionId: connection.id, kind: 'pull', status: 'succeeded' },
    orderBy: { startedAt: 'desc' },
    select: { startedAt: true },
  });
  const stats = { applied: 0, rounds: 0 };
  await recordSyncRun(db, { connectionId: connection.id, kind: 'pull', trigger }, stats, async () => {
    for (let more = true; more && stats.rounds < MAX_ROUNDS;) {
      const outcome = await adapter.pull!();
      stats.applied += outcome.applied;
      more = outcome.more;
      stats.rounds += 1;
    }
  });
  if (previous) {
    connection.observer.pulled(
      { id: connection.id, adapter: connection.definition.kind },
      Date.now() - previous.startedAt.getTime(),
    );
  }
  return stats;
}
