import type { Db } from '@callbridge/db';
import type { AdapterRegistry } from '../contract/registry.js';

/**
 * The connections an outbox entry must reach (DESIGN.md "Origin", issue 4 "routing"): enabled, with
 * an adapter that pushes, whose `filter.ownerIds` (when set) holds the call's owner — and never the
 * connection the change came from, so a pulled change is not echoed back to its source.
 */
export async function routedConnections(
  db: Db,
  registry: AdapterRegistry,
  entry: { callId: bigint | null; originConnectionId: string | null },
): Promise<string[]> {
  if (entry.callId === null) return [];
  const call = await db.call.findUnique({ where: { id: entry.callId }, select: { ownerId: true } });
  if (!call) return [];
  const connections = await db.connection.findMany({
    where: { enabled: true, ...(entry.originConnectionId ? { id: { not: entry.originConnectionId } } : {}) },
    select: { id: true, adapter: true, filter: true },
    orderBy: { createdAt: 'asc' },
  });
  return connections
    .filter((connection) => registry.get(connection.adapter)?.capabilities.push === true)
    .filter((connection) => routesOwner(connection.filter, call.ownerId))
    .map((connection) => connection.id);
}

/** Whether a connection's `filter` lets a call of `ownerId` through (no `ownerIds`: every call). */
export function routesOwner(filter: unknown, ownerId: bigint): boolean {
  const ownerIds = (filter as { ownerIds?: number[] } | null)?.ownerIds;
  return !ownerIds || ownerIds.includes(Number(ownerId));
}
