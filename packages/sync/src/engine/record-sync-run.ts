import type { Db, Prisma } from '@callbridge/db';

export interface SyncRunStart {
  connectionId: string;
  kind: 'push' | 'pull' | 'reconcile';
  trigger: string;
}

/**
 * Runs `work` as one recorded sync run (`GET /admin/connections/:id/runs`): a `running` row first,
 * then `succeeded` or `failed` with the error, and in both cases the `stats` the work counted into
 * (and a dry run's plan). The work's error is rethrown.
 */
export async function recordSyncRun<T>(
  db: Db,
  start: SyncRunStart,
  stats: Record<string, number>,
  work: () => Promise<T>,
  plan?: () => unknown[] | undefined,
): Promise<T> {
  const run = await db.syncRun.create({ data: { ...start, status: 'running' }, select: { id: true } });
  try {
    const result = await work();
    const planned = plan?.();
    await db.syncRun.update({
      where: { id: run.id },
      data: {
        status: 'succeeded',
        stats: { ...stats },
        ...(planned ? { plan: planned as Prisma.InputJsonArray } : {}),
        finishedAt: new Date(),
      },
    });
    return result;
  } catch (error) {
    await db.syncRun.update({
      where: { id: run.id },
      data: {
        status: 'failed',
        stats: { ...stats },
        error: error instanceof Error ? error.message.slice(0, 2_000) : String(error),
        finishedAt: new Date(),
      },
    });
    throw error;
  }
}
