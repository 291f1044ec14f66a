import type { Db } from '@callbridge/db';
import type { CursorStore, LinkStore } from '../contract/adapter.js';

/** A connection's cursors in `sync_cursors`. */
export function prismaCursorStore(db: Db, connectionId: string): CursorStore {
  return {
    async get(stream) {
      const row = await db.syncCursor.findUnique({ where: { connectionId_stream: { connectionId, stream } } });
      return row?.value ?? null;
    },
    async set(stream, value) {
      await db.syncCursor.upsert({
        where: { connectionId_stream: { connectionId, stream } },
        create: { connectionId, stream, value },
        update: { value },
      });
    },
  };
}

/** A connection's links in `external_links`. */
export function prismaLinkStore(db: Db, connectionId: string): LinkStore {
  return {
    async findExternal(entity, localId) {
      const row = await db.externalLink.findUnique({
        where: { connectionId_entity_localId: { connectionId, entity, localId } },
      });
      return row?.externalId ?? null;
    },
    async findLocal(entity, externalId) {
      const row = await db.externalLink.findUnique({
        where: { connectionId_entity_externalId: { connectionId, entity, externalId } },
      });
      return row?.localId ?? null;
    },
    async save(entity, localId, externalId, externalVersion) {
      const where = { connectionId_entity_localId: { connectionId, entity, localId } };
      const current = await db.externalLink.findUnique({ where });
      // Unchanged links keep their updatedAt: adapters read it as "last changed" (grace periods).
      if (current?.externalId === externalId && current.externalVersion === (externalVersion ?? null)) return;
      await db.externalLink.upsert({
        where,
        create: { connectionId, entity, localId, externalId, externalVersion: externalVersion ?? null },
        update: { externalId, externalVersion: externalVersion ?? null },
      });
    },
    list(entity, page) {
      return db.externalLink.findMany({
        where: {
          connectionId,
          entity,
          ...(page.afterLocalId !== undefined ? { localId: { gt: page.afterLocalId } } : {}),
        },
        orderBy: { localId: 'asc' },
        take: page.limit,
        select: { localId: true, externalId: true, externalVersion: true, updatedAt: true },
      });
    },
  };
}
