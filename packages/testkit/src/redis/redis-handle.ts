import type { ServerHandle } from '../server-handle.js';

export interface RedisHandle extends ServerHandle {
  /** Stops and starts the server on the same port and data (tests of a Redis restart). */
  restart(): Promise<void>;
}
