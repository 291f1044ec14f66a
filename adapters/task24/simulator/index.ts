export {
  startTask24Simulator,
  type Task24Faults,
  type Task24Simulator,
  type Task24SimulatorOptions,
} from './server.js';
export type { HistoryEntry, StoredTicket, TicketRecord } from './records.js';
export { formatLocal } from './local-time.js';
