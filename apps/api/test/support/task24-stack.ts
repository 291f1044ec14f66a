import { task24Adapter } from '@callbridge/adapters';
import { startTask24Simulator, type Task24Simulator } from '@callbridge/adapters/task24/simulator';
import { waitUntil } from '@callbridge/testkit';
import { startConnectionStack, type ConnectionStack } from './connection-stack.js';

export const TASK24_TOKEN = 'task24-account-token';

export interface Task24Stack extends ConnectionStack {
  sim: Task24Simulator;
  ticketsOf(callNumber: string): ReturnType<Task24Simulator['tickets']>;
  close(): Promise<void>;
}

/** A connection stack (see connection-stack) to a task24 simulator. */
export async function startTask24Stack(settings: Record<string, unknown> = {}): Promise<Task24Stack> {
  const sim = await startTask24Simulator({ tokens: [TASK24_TOKEN] });
  const stack = await startConnectionStack(task24Adapter, {
    baseUrl: sim.url,
    credentials: { token: TASK24_TOKEN },
    settings,
  });
  return {
    ...stack,
    sim,
    ticketsOf: (callNumber) => sim.tickets().filter((ticket) => ticket.subject?.startsWith(`${callNumber} `)),
    async close() {
      await sim.close();
      await stack.api.close();
    },
  };
}

/** Waits until every call has a ticket, then checks that none has two. */
export async function expectOneTicketEach(stack: Task24Stack, numbers: string[], timeoutMs = 60_000) {
  await waitUntil(
    'a ticket for every call',
    async () => numbers.every((number) => stack.ticketsOf(number).length >= 1),
    timeoutMs,
  );
  return numbers.map((number) => stack.ticketsOf(number).length);
}
