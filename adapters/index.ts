import { createAdapterRegistry, type AdapterRegistry } from '@callbridge/sync';

/**
 * Every adapter the worker and the admin API know, one line each. The first ones (task24, BPM)
 * arrive with their issues; until then no connection can be created outside tests, which register
 * adapters of their own.
 */
export const ADAPTERS: readonly object[] = [];

export function defaultAdapterRegistry(): AdapterRegistry {
  return createAdapterRegistry(ADAPTERS);
}
