import { createAdapterRegistry, type AdapterRegistry } from '@callbridge/sync';
import { bpmAdapter } from './bpm/src/index.js';
import { task24Adapter } from './task24/src/index.js';

export { bpmAdapter, task24Adapter };

/** Every adapter the worker and the admin API know, one line each. */
export const ADAPTERS: readonly object[] = [task24Adapter, bpmAdapter];

export function defaultAdapterRegistry(): AdapterRegistry {
  return createAdapterRegistry(ADAPTERS);
}
