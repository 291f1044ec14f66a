import type { adminClient } from './admin-client.js';
import { progressBar, type CliIo } from './cli-io.js';

type Admin = ReturnType<typeof adminClient>;

interface FailedJob {
  id: number;
  queue: string;
  jobId: string;
  attempts: number;
  error: string | null;
  connectionId: string | null;
  callId: number | null;
  finishedAt: string | null;
}

interface Output {
  io: CliIo;
  json: boolean;
}

/** `connections sync <id>`: a pull (and a reconcile sweep for a pushing connection) now. */
export async function syncNowCommand(admin: Admin, { io, json }: Output, connectionId: string): Promise<void> {
  const queued = await admin<{ jobId?: string; reconcileJobId?: string }>(
    'POST',
    `/admin/connections/${connectionId}/sync`,
  );
  io.out(
    json
      ? JSON.stringify(queued)
      : [queued.jobId && `pull queued (job ${queued.jobId})`, queued.reconcileJobId && 'reconcile sweep queued']
          .filter(Boolean)
          .join('; ') || 'nothing to run: the adapter neither pulls nor pushes',
  );
}

/** `jobs failed`: the jobs that failed for good, newest first. */
export async function failedJobsCommand(admin: Admin, { io, json }: Output): Promise<void> {
  const jobs = await admin<FailedJob[]>('GET', '/admin/jobs?state=failed');
  io.out(
    json
      ? JSON.stringify(jobs)
      : jobs.length === 0
        ? 'no failed jobs'
        : jobs
            .map(
              (job) =>
                `${String(job.id).padStart(6)}  ${job.queue.padEnd(7)} ${job.jobId.padEnd(52)} ` +
                `call ${job.callId ?? '-'}  after ${job.attempts} attempt(s): ${job.error ?? ''}`,
            )
            .join('\n'),
  );
}

/**
 * `jobs replay <id>` or `jobs replay --all` (`jobId` null): runs failed jobs again (a push looks its
 * link up first, so a replay never makes a second record).
 */
export async function replayCommand(admin: Admin, { io, json }: Output, jobId: string | null): Promise<number> {
  const ids =
    jobId === null ? (await admin<FailedJob[]>('GET', '/admin/jobs?state=failed')).map((job) => job.id) : [jobId];
  const bar = progressBar(io, 'replaying');
  const results: { id: string; how?: string; error?: string }[] = [];
  for (const [index, id] of ids.entries()) {
    try {
      const replayed = await admin<{ how: string }>('POST', `/admin/jobs/${id}/replay`);
      results.push({ id: String(id), how: replayed.how });
    } catch (error) {
      results.push({ id: String(id), error: (error as Error).message });
    }
    if (!json) bar(index + 1, ids.length);
  }
  const failures = results.filter((result) => result.error).length;
  io.out(
    json
      ? JSON.stringify(results)
      : results.map((result) => `job ${result.id}: ${result.error ?? `replayed (${result.how})`}`).join('\n') ||
          'no failed jobs to replay',
  );
  return failures === 0 ? 0 : 1;
}
