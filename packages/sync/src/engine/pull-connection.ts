import type { PrismaClient } from '@callbridge/db';
import type { OpenedConnection } from './open-connection.js';

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
  const run = await db.syncRun.create({
    data: { connectionId: connection.id, kind: 'pull', status: 'running', trigger },
    select: { id: true },
  });
  let applied = 0;
  let rounds = 0;
  try {
    for (let more = true; more && rounds < MAX_ROUNDS;) {
      const outcome = await adapter.pull();
      applied += outcome.applied;
      more = outcome.more;
      rounds += 1;
    }
    await db.syncRun.update({
      where: { id: run.id },
      data: { status: 'succeeded', stats: { applied, rounds }, finishedAt: new Date() },
    });
    if (previous) {
      connection.observer.pulled(
        { id: connection.id, adapter: connection.definition.kind },
        Date.now() - previous.startedAt.getTime(),
      );
    }
    return { applied, rounds };
  } catch (error) {
    await db.syncRun.update({
      where: { id: run.id },
      data: {
        status: 'failed',
        stats: { applied, rounds },
        error: error instanceof Error ? error.message.slice(0, 2_000) : String(error),
        finishedAt: new Date(),
      },
    });
    throw error;
  }
}
