import type { SyncObserver } from '@callbridge/sync';
import { Counter, Histogram, Registry } from 'prom-client';

const LAG_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
const REQUEST_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The worker's sync metrics: push and pull lag per connection, external request latency and
 * outcomes. The API's `/metrics` shows them (they reach it through Redis, see metrics-publisher).
 */
export function createWorkerMetrics(): { registry: Registry; observer: SyncObserver } {
  const registry = new Registry();
  const pushLag = new Histogram({
    name: 'callbridge_push_lag_seconds',
    help: 'From a portal write to its push reaching the external system.',
    labelNames: ['connection', 'adapter'],
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  const pullLag = new Histogram({
    name: 'callbridge_pull_lag_seconds',
    help: "How old a connection's view of its system was when a pull finished (time since the previous pull began).",
    labelNames: ['connection', 'adapter'],
    buckets: LAG_BUCKETS,
    registers: [registry],
  });
  const requestDuration = new Histogram({
    name: 'callbridge_external_request_duration_seconds',
    help: 'Duration of one attempt of an external request.',
    labelNames: ['connection', 'adapter', 'operation'],
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const requests = new Counter({
    name: 'callbridge_external_requests_total',
    help: 'Attempts of external requests by HTTP status (or failure code when no response arrived).',
    labelNames: ['connection', 'adapter', 'status'],
    registers: [registry],
  });

  const observer: SyncObserver = {
    externalRequest(connection, attempt) {
      const labels = { connection: connection.id, adapter: connection.adapter };
      requestDuration.observe({ ...labels, operation: attempt.operation ?? 'unnamed' }, attempt.durationMs / 1000);
      requests.inc({
        ...labels,
        status: attempt.status !== undefined ? String(attempt.status) : (attempt.code ?? 'error'),
      });
    },
    pushed(connection, lagMs) {
      pushLag.observe({ connection: connection.id, adapter: connection.adapter }, lagMs / 1000);
    },
    pulled(connection, lagMs) {
      pullLag.observe({ connection: connection.id, adapter: connection.adapter }, lagMs / 1000);
    },
  };
  return { registry, observer };
}
