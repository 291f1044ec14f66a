import { describeAdapterContract } from '@callbridge/sync/testing';
import { startBpmSimulator, type BpmSimulator } from '../simulator/index.js';
import { bpmAdapter } from '../src/index.js';

type Sim = BpmSimulator & { baseUrl: string };

const caseOf = (sim: Sim, number: string) => {
  const found = sim.cases().find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no case ${number}`);
  return found;
};

describeAdapterContract<Sim>({
  adapter: bpmAdapter,
  async start() {
    const simulator = await startBpmSimulator({ users: [{ login: 'callbridge', password: 'bpm-pass' }] });
    return Object.assign(simulator, { baseUrl: simulator.url });
  },
  credentials: {
    valid: { login: 'callbridge', password: 'bpm-pass' },
    invalid: { login: 'callbridge', password: 'wrong-pass' },
  },
  settings: { timeoutMs: 500, loginMinIntervalMs: 0 },
  recordsFor: (sim, callNumber) =>
    sim.cases().filter((candidate) => candidate.subject.startsWith(`[${callNumber}] `)).length,
  failNextRequests: (sim, count) => sim.set({ failNext: count }),
  loseNextAnswer: (sim) => sim.set({ hangNextWrites: 1, hangMs: 5_000 }),
  takeExternally: (sim, number) => sim.specialist.setStatus(number, 3),
  commentExternally: (sim, number, text) => sim.specialist.addMessage(number, text),
  commentsOn: (sim, number) => caseOf(sim, number).messages.map((message) => message.text),
  monotonicStreams: /^discover:/,
  compareCursors: (a, b) => new Date(a).getTime() - new Date(b).getTime(),
});
