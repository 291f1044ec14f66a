import { describeAdapterContract } from '@callbridge/sync/testing';
import { startTask24Simulator, type Task24Simulator } from '../simulator/index.js';
import { task24Adapter } from '../src/index.js';

type Sim = Task24Simulator & { baseUrl: string };

const ticket = (sim: Sim, id: string) => {
  const found = sim.tickets().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ticket ${id}`);
  return found;
};

describeAdapterContract<Sim>({
  adapter: task24Adapter,
  async start() {
    const simulator = await startTask24Simulator({ tokens: ['contract-token'] });
    return Object.assign(simulator, { baseUrl: simulator.url });
  },
  credentials: { valid: { token: 'contract-token' }, invalid: { token: 'wrong-token' } },
  settings: { timeoutMs: 500 },
  recordsFor: (sim, callNumber) =>
    sim.tickets().filter((candidate) => candidate.subject?.startsWith(`${callNumber} `)).length,
  failNextRequests: (sim, count) => sim.setFaults({ failNext: count }),
  loseNextAnswer: (sim) => sim.setFaults({ hangNextWrites: 1, hangMs: 5_000 }),
  takeExternally: (sim, id) => sim.worker.take(id),
  commentExternally: (sim, id, text) => sim.worker.comment(id, text),
  commentsOn: (sim, id) =>
    ticket(sim, id)
      .history.filter((entry) => entry.type === 'comment')
      .map((entry) => entry.text),
  monotonicStreams: /^window:/,
});
