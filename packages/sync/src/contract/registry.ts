import type { AdapterDefinition } from './adapter.js';

export class AdapterRegistryError extends Error {
  override name = 'AdapterRegistryError';
}

const KIND = /^[a-z][a-z0-9-]{1,31}$/;

export interface AdapterRegistry {
  kinds(): string[];
  get(kind: string): AdapterDefinition | undefined;
}

/**
 * The explicit registry (adapters/index.ts lists the adapters). It refuses, with a message naming
 * the adapter, a duplicate kind or a manifest that is not whole, so the worker never starts with one.
 */
export function createAdapterRegistry(definitions: readonly object[]): AdapterRegistry {
  const byKind = new Map<string, AdapterDefinition>();
  for (const candidate of definitions) {
    // Checked field by field below: a manifest typed by defineAdapter can still be broken at run time.
    const definition = candidate as AdapterDefinition;
    const problems = manifestProblems(definition);
    if (problems.length > 0) {
      throw new AdapterRegistryError(`adapter "${String(definition.kind)}" is invalid: ${problems.join('; ')}`);
    }
    if (byKind.has(definition.kind))
      throw new AdapterRegistryError(`adapter kind "${definition.kind}" is registered twice`);
    byKind.set(definition.kind, definition);
  }
  return { kinds: () => [...byKind.keys()], get: (kind) => byKind.get(kind) };
}

function manifestProblems(definition: AdapterDefinition): string[] {
  const problems: string[] = [];
  if (typeof definition.kind !== 'string' || !KIND.test(definition.kind))
    problems.push('kind must match ' + KIND.source);
  if (!definition.title) problems.push('title is missing');
  for (const name of ['configSchema', 'credentialsSchema'] as const) {
    if (typeof definition[name]?.safeParse !== 'function') problems.push(`${name} must be a zod schema`);
  }
  if (!Array.isArray(definition.secretFields)) problems.push('secretFields must be a list');
  if (typeof definition.capabilities?.push !== 'boolean' || typeof definition.capabilities?.pull !== 'boolean') {
    problems.push('capabilities must say push and pull');
  }
  if (typeof definition.create !== 'function') problems.push('create must be a function');
  return problems;
}
