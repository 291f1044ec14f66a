export {
  RATE_LIMITED,
  startBpmSimulator,
  type BpmSimulator,
  type BpmSimulatorOptions,
  type BpmSwitches,
} from './server.js';
export {
  SPECIALIST,
  STATUS,
  STATUS_NAMES,
  type CaseRecord,
  type Direction,
  type FileRecord,
  type MessageRecord,
} from './cases.js';
