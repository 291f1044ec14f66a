import type { PrismaClient } from '@callbridge/db';
import type { Queue } from 'bullmq';
import pg from 'pg';
import type { Logger } from 'pino';
import { dispatchOutboxEntryJob } from '../queues/catalog.js';
import { claimUnpublished, markPublished } from './claim-unpublished.js';

export interface OutboxRelayOptions {
  db: PrismaClient;
  queue: Queue;
  /** For LISTEN outbox_inserted; the relay still polls when notifications are lost. */
  databaseUrl: string;
  logger: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
}

/**
 * Turns committed outbox rows into queue jobs. Each job has a deterministic id, so when the
 * process dies between adding the jobs and marking the rows published, the next pass re-adds
 * them as no-ops instead of duplicates; the processor is idempotent too.
 */
export class OutboxRelay {
  private listener: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly batchSize: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
  }

  async start(): Promise<void> {
    await this.listen();
    const interval = this.options.pollIntervalMs ?? 1_000;
    this.timer = setInterval(() => this.wake(), interval);
    this.wake();
  }

  /** Relays until no unpublished row is left; concurrent wake-ups fold into one more pass. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.logger.error({ err: error }, 'outbox relay pass failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async relayOnce(): Promise<number> {
    const { db, queue } = this.options;
    return db.$transaction(async (tx) => {
      const rows = await claimUnpublished(tx, this.batchSize);
      if (rows.length === 0) return 0;
      await queue.addBulk(
        rows.map(({ id }) => ({
          name: dispatchOutboxEntryJob.name,
          data: { outboxId: id.toString() },
          opts: { ...dispatchOutboxEntryJob.options, jobId: dispatchOutboxEntryJob.jobId(id) },
        })),
      );
      await markPublished(
        tx,
        rows.map((row) => row.id),
      );
      return rows.length;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.relayOnce()) === this.batchSize) {
      // a full batch: more rows are probably waiting
    }
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.options.logger.warn({ err: error.message }, 'outbox LISTEN connection lost; polling only');
      this.listener = undefined;
    });
    await client.connect();
    await client.query('LISTEN outbox_inserted');
    this.listener = client;
  }
}
