import path from 'node:path';
import { DiskBlobStore } from '@callbridge/db';
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { WorkerDeps } from './deps.js';
import { recordJobOutcome } from './audit/record-job-outcome.js';
import { dispatchOutboxEntry } from './processors/dispatch-outbox-entry.js';
import type { EngineDeps } from './processors/engine-connection.js';
import { pullConnectionJob } from './processors/pull-connection.js';
import { pushChange } from './processors/push-change.js';
import { createWorkerMetrics } from './metrics/worker-metrics.js';
import { publishWorkerMetrics } from './metrics/metrics-publisher.js';
import { reconcileConnectionJob } from './processors/reconcile-connection.js';
import { dispatchOutboxEntryJob, pullJob, pushChangeJob, QUEUES, reconcileJob } from './queues/catalog.js';
import { OutboxRelay } from './relay/outbox-relay.js';
import { syncConnectionSchedules } from './schedules/connection-schedules.js';

export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the queues, processors and the outbox relay; `close()` finishes the job in hand first. */
export async function buildWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { db, logger } = deps;
  // Workers block on Redis and must retry forever; producers fail fast when Redis is down.
  const consumerConnection: ConnectionOptions = { url: deps.redisUrl, maxRetriesPerRequest: null };
  const producerConnection: ConnectionOptions = { url: deps.redisUrl, maxRetriesPerRequest: 1 };
  const prefix = deps.queuePrefix ?? deps.config.QUEUE_PREFIX;
  // Locks and the shared rate limits.
  const redis = new Redis(deps.redisUrl, { maxRetriesPerRequest: null });

  const outboxQueue = new Queue(QUEUES.outbox, { connection: producerConnection, prefix });
  const pushQueue = new Queue(QUEUES.push, { connection: producerConnection, prefix });
  const pullQueue = new Queue(QUEUES.pull, { connection: producerConnection, prefix });
  const metrics = createWorkerMetrics();
  const engineDeps: Omit<EngineDeps, 'logger'> = {
    db,
    redis,
    adapters: deps.adapters,
    keys: deps.config.CREDENTIALS_KEYS ?? [],
    observer: metrics.observer,
    cookieJars: new Map(),
    blobs: deps.blobs ?? new DiskBlobStore(path.resolve(deps.config.DATA_DIR, 'blobs')),
  };
  // A job whose worker died (kill -9, power loss) is taken up again once its lock lapses.
  const consumerOptions = {
    connection: consumerConnection,
    prefix,
    lockDuration: deps.config.WORKER_LOCK_DURATION_MS,
    stalledInterval: deps.config.WORKER_STALLED_INTERVAL_MS,
  };

  const outboxWorker = new Worker(
    QUEUES.outbox,
    async (job) => {
      const payload = dispatchOutboxEntryJob.payload.parse(job.data);
      const log = logger.child({ jobId: job.id, outboxId: payload.outboxId });
      return dispatchOutboxEntry({ db, adapters: deps.adapters, pushQueue, logger: log }, payload);
    },
    { ...consumerOptions, concurrency: 10 },
  );
  const pushWorker = new Worker(
    QUEUES.push,
    async (job, token) => {
      const payload = pushChangeJob.payload.parse(job.data);
      const log = logger.child({ jobId: job.id, connectionId: payload.connectionId, callId: payload.callId });
      return pushChange({ ...engineDeps, logger: log }, job, token, payload);
    },
    { ...consumerOptions, concurrency: 10 },
  );
  const pullWorker = new Worker(
    QUEUES.pull,
    async (job) => {
      if (job.name === reconcileJob.name) {
        const payload = reconcileJob.payload.parse(job.data);
        const log = logger.child({ jobId: job.id, connectionId: payload.connectionId });
        return reconcileConnectionJob({ db, pushQueue, logger: log }, payload);
      }
      const payload = pullJob.payload.parse(job.data);
      return pullConnectionJob(
        { ...engineDeps, logger: logger.child({ jobId: job.id, connectionId: payload.connectionId }) },
        payload,
      );
    },
    { ...consumerOptions, concurrency: 5 },
  );

  for (const worker of [outboxWorker, pushWorker, pullWorker]) {
    worker.on('completed', (job: Job) => {
      void recordJobOutcome(db, job, 'completed').catch((error: unknown) =>
        logger.error({ err: error, jobId: job.id }, 'could not record job outcome'),
      );
    });
    worker.on('failed', (job: Job | undefined, error: Error) => {
      if (!job) return;
      logger.warn({ jobId: job.id, attempts: job.attemptsMade, err: error.message }, 'job failed');
      void recordJobOutcome(db, job, 'failed', error).catch((auditError: unknown) =>
        logger.error({ err: auditError, jobId: job.id }, 'could not record job outcome'),
      );
    });
    worker.on('error', (error) => logger.error({ err: error.message, queue: worker.name }, 'worker error'));
  }

  const relay = new OutboxRelay({
    db,
    queue: outboxQueue,
    databaseUrl: deps.databaseUrl,
    logger: logger.child({ component: 'outbox-relay' }),
    ...(deps.relayPollIntervalMs ? { pollIntervalMs: deps.relayPollIntervalMs } : {}),
  });
  await Promise.all([outboxWorker.waitUntilReady(), pushWorker.waitUntilReady(), pullWorker.waitUntilReady()]);
  await relay.start();
  // Connections change through the admin API: the schedules follow them every few seconds.
  const refreshSchedules = () =>
    syncConnectionSchedules(db, deps.adapters, pullQueue).catch((error: unknown) =>
      logger.error({ err: error }, 'could not sync the pull schedules'),
    );
  await refreshSchedules();
  const scheduleTimer = setInterval(() => void refreshSchedules(), deps.scheduleRefreshMs ?? 5_000);
  const metricsPublisher = publishWorkerMetrics(redis, metrics.registry, prefix, logger, deps.metricsPublishMs);
  logger.info('worker started: outbox relay, dispatch, push and pull processors running');

  return {
    async close() {
      clearInterval(scheduleTimer);
      await metricsPublisher.stop();
      await relay.stop();
      await Promise.all([outboxWorker.close(), pushWorker.close(), pullWorker.close()]);
      await Promise.all([outboxQueue.close(), pushQueue.close(), pullQueue.close()]);
      redis.disconnect();
    },
  };
}
