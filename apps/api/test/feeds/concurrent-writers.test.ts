import { createDb, type PrismaClient } from '@callbridge/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callInput, startApiHarness, type ApiHarness, type TestUser } from '../support/api-harness.js';

const WRITERS = 60;
const WRITES_PER_WRITER = 4;
const FEEDS = {
  calls: '/call/modifications',
  messages: '/call/messages/modifications',
  jeopardies: '/call/jeopardies/modifications',
} as const;
type FeedName = keyof typeof FEEDS;

/**
 * The proof that no poller misses a row: 60 writers, each in its own transaction on its own
 * connection, write calls, messages and jeopardies and then linger a random while before they
 * commit, so stamps commit out of order. A poller reads the three HTTP feeds all along, each from
 * the last stamp it saw. In the end it must have seen every row in its final state.
 */
describe('modification feeds under 60 concurrent writers', () => {
  let api: ApiHarness;
  let writersDb: PrismaClient;
  let owner: TestUser;
  let callIds: bigint[];

  beforeAll(async () => {
    api = await startApiHarness();
    writersDb = createDb({ connectionString: api.config.DATABASE_URL!, maxConnections: WRITERS });
    owner = await api.createUser('concurrency-owner');
    callIds = [];
    for (let i = 0; i < 10; i++) callIds.push(BigInt((await api.createCall(owner.id)).id));
  });
  afterAll(async () => {
    await writersDb?.$disconnect();
    await api?.close();
  });

  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const linger = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 60));

  async function write(writer: number, round: number): Promise<void> {
    await writersDb.$transaction(
      async (tx) => {
        const callId = pick(callIds);
        switch ((writer + round) % 4) {
          case 0: {
            const input = callInput(owner.id);
            await tx.call.create({
              data: {
                number: `W${writer}-${round}`,
                ownerId: BigInt(owner.id),
                clientName: String(input.clientName),
                created: new Date(),
                descriptionHtmlText: 'x',
                descriptionTextForFieldEmployee: 'x',
                serviceObjectName: 'x',
                serviceObjectAddress: 'x',
                serviceObjectLatitude: 0,
                serviceObjectLongitude: 0,
              },
            });
            break;
          }
          case 1:
            await tx.call.update({ where: { id: callId }, data: { comments: `writer ${writer} round ${round}` } });
            break;
          case 2:
            await tx.callMessage.create({ data: { callId, message: `m${writer}-${round}`, date: new Date() } });
            break;
          default: {
            const jeopardy = await tx.callJeopardy.create({
              data: { callId, comment: `j${writer}-${round}`, date: new Date() },
            });
            if (round % 2 === 0) {
              await tx.callJeopardy.update({ where: { id: jeopardy.id }, data: { answerComment: 'seen' } });
            }
          }
        }
        await linger();
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  }

  async function poll(
    name: FeedName,
    cursor: number,
    seen: Map<number, number>,
  ): Promise<{ cursor: number; rows: number }> {
    const response = await api.app.inject({
      method: 'GET',
      url: `${FEEDS[name]}/${cursor}?limit=100`,
      headers: api.dispatch,
    });
    expect(response.statusCode).toBe(200);
    const rows = response.json<{ id: number; timestamp: number }[]>();
    for (const row of rows) {
      expect(row.timestamp).toBeGreaterThan(cursor);
      seen.set(row.id, row.timestamp);
    }
    return { cursor: rows.at(-1)?.timestamp ?? cursor, rows: rows.length };
  }

  it('lets a poller see every row of every feed in its final state', async () => {
    const seen: Record<FeedName, Map<number, number>> = {
      calls: new Map(),
      messages: new Map(),
      jeopardies: new Map(),
    };
    const cursors: Record<FeedName, number> = { calls: 0, messages: 0, jeopardies: 0 };
    let writing = true;

    const writers = Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (let round = 0; round < WRITES_PER_WRITER; round++) await write(writer, round);
      }),
    ).finally(() => (writing = false));

    let polls = 0;
    const poller = (async () => {
      // Keep polling while writers run, then until a full pass over the three feeds comes back empty.
      for (;;) {
        const stillWriting = writing;
        let rows = 0;
        for (const name of Object.keys(FEEDS) as FeedName[]) {
          const result = await poll(name, cursors[name], seen[name]);
          cursors[name] = result.cursor;
          rows += result.rows;
          polls++;
        }
        if (!stillWriting && rows === 0) return;
      }
    })();

    await writers;
    await poller;

    const truth: Record<FeedName, { id: bigint; timestamp: bigint }[]> = {
      calls: await api.db.call.findMany({ select: { id: true, timestamp: true } }),
      messages: await api.db.callMessage.findMany({ select: { id: true, timestamp: true } }),
      jeopardies: await api.db.callJeopardy.findMany({ select: { id: true, timestamp: true } }),
    };
    expect(truth.calls.length).toBe(10 + (WRITERS * WRITES_PER_WRITER) / 4);
    expect(truth.messages.length).toBe((WRITERS * WRITES_PER_WRITER) / 4);
    expect(truth.jeopardies.length).toBe((WRITERS * WRITES_PER_WRITER) / 4);
    for (const name of Object.keys(FEEDS) as FeedName[]) {
      const missed = truth[name].filter((row) => seen[name].get(Number(row.id)) !== Number(row.timestamp));
      expect(missed, `${name}: rows the poller did not see in their final state`).toEqual([]);
    }
    expect(polls).toBeGreaterThan(3);
  });
});
