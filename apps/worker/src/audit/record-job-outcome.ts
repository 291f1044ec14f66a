import type { Prisma, PrismaClient } from '@callbridge/db';
import { UnrecoverableError, type Job } from 'bullmq';

/**
 * Keeps what happened to a job after Redis forgets it: support engineers list failed jobs from
 * here and see their error, attempts and payload (ids only).
 */
export async function recordJobOutcome(
  db: PrismaClient,
  job: Job,
  state: 'completed' | 'failed',
  error?: Error,
): Promise<void> {
  const data = job.data as Record<string, unknown>;
  // BullMQ reports every failed attempt; only the last one, or an unrecoverable one, is final.
  const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
  const fields = {
    name: job.name,
    state: state === 'failed' && !exhausted ? 'retrying' : state,
    attempts: job.attemptsMade,
    error: error ? error.message.slice(0, 4_000) : null,
    payload: data as Prisma.InputJsonObject,
    connectionId: typeof data.connectionId === 'string' ? data.connectionId : null,
    callId: typeof data.callId === 'string' && /^\d+$/.test(data.callId) ? BigInt(data.callId) : null,
    finishedAt: new Date(),
  };
  await db.jobAudit.upsert({
    where: { queue_jobId: { queue: job.queueName, jobId: job.id ?? 'unknown' } },
    create: { queue: job.queueName, jobId: job.id ?? 'unknown', ...fields },
    update: fields,
  });
}
