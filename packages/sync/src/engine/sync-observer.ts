import type { AttemptReport } from '@callbridge/http';

/**
 * What the engine reports for metrics (the worker turns it into prom-client series). Labels are
 * the connection id and adapter kind; never anything secret.
 */
export interface SyncObserver {
  /** One attempt of an external request. */
  externalRequest(connection: { id: string; adapter: string }, attempt: AttemptReport): void;
  /** A portal change reached the external system, `lagMs` after it was written. */
  pushed(connection: { id: string; adapter: string }, lagMs: number): void;
  /** A pull finished; `lagMs`: how old the connection's view of its system was (since the last pull began). */
  pulled(connection: { id: string; adapter: string }, lagMs: number): void;
}

export const silentObserver: SyncObserver = {
  externalRequest: () => undefined,
  pushed: () => undefined,
  pulled: () => undefined,
};
