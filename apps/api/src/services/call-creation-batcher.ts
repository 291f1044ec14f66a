import { createCalls, notFound, type CreatedCall, type NewCall } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';

interface Pending {
  input: NewCall;
  resolve: (call: CreatedCall) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for POST /call. While `maxInFlight` statements are running, new requests wait and
 * then go together in the next statement (core `createCalls`), so under load one round trip and one
 * commit serve many calls; with no load a request goes at once, alone. A batch that fails as a
 * whole is retried one call at a time, so one bad input never fails its neighbours.
 */
export class CallCreationBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: PrismaClient,
    private readonly options: { maxInFlight: number; maxBatch: number } = { maxInFlight: 4, maxBatch: 50 },
  ) {}

  create(input: NewCall): Promise<CreatedCall> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    let results: (CreatedCall | null)[];
    try {
      results = await createCalls(
        this.db,
        batch.map((pending) => pending.input),
      );
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      await Promise.all(batch.map((pending) => this.run([pending])));
      return;
    }
    results.forEach((created, index) => {
      const pending = batch[index]!;
      if (created) pending.resolve(created);
      else pending.reject(notFound(`user ${pending.input.ownerId} not found`, 3));
    });
  }
}
