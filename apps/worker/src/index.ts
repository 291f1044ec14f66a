export { buildWorker, type RunningWorker } from './worker.js';
export type { WorkerDeps } from './deps.js';
export { QUEUES, dispatchOutboxEntryJob, pushChangeJob, pullJob, reconcileJob } from './queues/catalog.js';
export { workerMetricsKey } from './metrics/metrics-publisher.js';
