import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { WorkerDeps } from './deps.js';
import { recordJobOutcome } from './audit/record-job-outcome.js';
import { dispatchOutboxEntry } from './processors/dispatch-outbox-entry.js';
import { dispatchOutboxEntryJob, QUEUES } from './queues/catalog.js';
import { OutboxRelay } from './relay/outbox-relay.js';

export interface RunningWorker {
  close(): Promise<void>;
}

/** Starts the queues, processors and the outbox relay; `close()` finishes the job in hand first. */
export async function buildWorker(deps: WorkerDeps): Promise<RunningWorker> {
  const { db, logger } = deps;
  // Workers block on Redis and must retry forever; producers fail fast when Redis is down.
  const consumerConnection: ConnectionOptions = { url: deps.redisUrl, maxRetriesPerRequest: null };
  const producerConnection: ConnectionOptions = { url: deps.redisUrl, maxRetriesPerRequest: 1 };

  const prefix = deps.queuePrefix ?? 'bull';
  const outboxQueue = new Queue(QUEUES.outbox, { connection: producerConnection, prefix });
  const outboxWorker = new Worker(
    QUEUES.outbox,
    async (job) => {
      const payload = dispatchOutboxEntryJob.payload.parse(job.data);
      const log = logger.child({ jobId: job.id, outboxId: payload.outboxId });
      return dispatchOutboxEntry(db, payload, log);
    },
    { connection: consumerConnection, prefix, concurrency: 10 },
  );
  outboxWorker.on('completed', (job) => {
    void recordJobOutcome(db, job, 'completed').catch((error: unknown) =>
      logger.error({ err: error, jobId: job.id }, 'could not record job outcome'),
    );
  });
  outboxWorker.on('failed', (job, error) => {
    if (!job) return;
    logger.warn({ jobId: job.id, attempts: job.attemptsMade, err: error.message }, 'job failed');
    void recordJobOutcome(db, job, 'failed', error).catch((auditError: unknown) =>
      logger.error({ err: auditError, jobId: job.id }, 'could not record job outcome'),
    );
  });
  outboxWorker.on('error', (error) => logger.error({ err: error.message }, 'outbox worker error'));

  const relay = new OutboxRelay({
    db,
    queue: outboxQueue,
    databaseUrl: deps.databaseUrl,
    logger: logger.child({ component: 'outbox-relay' }),
    ...(deps.relayPollIntervalMs ? { pollIntervalMs: deps.relayPollIntervalMs } : {}),
  });
  await outboxWorker.waitUntilReady();
  await relay.start();
  logger.info('worker started: outbox relay and processors running');

  return {
    async close() {
      await relay.stop();
      await outboxWorker.close();
      await outboxQueue.close();
    },
  };
}
