import type { JobsOptions } from 'bullmq';
import { z } from 'zod';

/**
 * Every queue and job of the worker, in one place: name, payload schema (ids only, never
 * secrets), attempts, backoff and the deterministic job id that makes a re-enqueue a no-op.
 */
export const QUEUES = {
  outbox: 'outbox',
  push: 'push',
  pull: 'pull',
} as const;

export const dispatchOutboxEntryJob = {
  queue: QUEUES.outbox,
  name: 'dispatch-outbox-entry',
  payload: z.object({ outboxId: z.string().regex(/^\d+$/) }),
  jobId: (outboxId: bigint | string) => `outbox-${outboxId}`,
  options: {
    attempts: 10,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  } satisfies JobsOptions,
} as const;

export type DispatchOutboxEntryPayload = z.infer<typeof dispatchOutboxEntryJob.payload>;

/** One portal change for one connection: pushes the call's pending changes up to `outboxId`. */
export const pushChangeJob = {
  queue: QUEUES.push,
  name: 'push-change',
  payload: z.object({
    connectionId: z.uuid(),
    callId: z.string().regex(/^\d+$/),
    outboxId: z.string().regex(/^\d+$/),
  }),
  jobId: (connectionId: string, outboxId: bigint | string) => `push-${connectionId}-${outboxId}`,
  options: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: false,
  } satisfies JobsOptions,
} as const;

export type PushChangePayload = z.infer<typeof pushChangeJob.payload>;

/** Jobs fired by a connection's schedulers (pull, reconcile): the next tick runs anyway, so few attempts. */
const scheduledJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} satisfies JobsOptions;

/** One pull of a connection: fired by its job scheduler every `pollIntervalMs`, or by "sync now". */
export const pullJob = {
  queue: 'pull' as const,
  name: 'pull',
  payload: z.object({ connectionId: z.uuid(), trigger: z.enum(['schedule', 'manual']).default('schedule') }),
  schedulerId: (connectionId: string) => `pull-${connectionId}`,
  options: scheduledJobOptions,
} as const;

export type PullPayload = z.infer<typeof pullJob.payload>;

/**
 * The reconcile sweep of a pushing connection: finds calls in the portal's modification feed whose
 * changes the outbox path has not pushed, and enqueues their push jobs. Runs in the pull queue.
 */
export const reconcileJob = {
  queue: 'pull' as const,
  name: 'reconcile',
  payload: z.object({ connectionId: z.uuid() }),
  schedulerId: (connectionId: string) => `reconcile-${connectionId}`,
  /** Less often than pulls: it is a safety net, not the path changes normally take. */
  everyMs: (pollIntervalMs: number) => Math.max(pollIntervalMs, 30_000),
  options: scheduledJobOptions,
} as const;

export type ReconcilePayload = z.infer<typeof reconcileJob.payload>;
