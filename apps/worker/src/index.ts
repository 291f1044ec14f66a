export { buildWorker, type RunningWorker } from './worker.js';
export type { WorkerDeps } from './deps.js';
export { QUEUES, dispatchOutboxEntryJob, pushChangeJob, pullJob } from './queues/catalog.js';
