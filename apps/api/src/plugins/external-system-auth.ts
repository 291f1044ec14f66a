import { findExternalSystem, hashSecret, unauthorized } from '@callbridge/core';
import type { PrismaClient } from '@callbridge/db';
import type { onRequestAsyncHookHandler } from 'fastify';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the dispatch system that authenticated (ExternalSystemAuth). */
    externalSystem?: string;
  }
}

/**
 * Live keys seen recently, by the hex of their SHA-256: a dispatch system calls many times a second
 * and its key changes only when the API restarts with new EXTERNAL_SYSTEM_KEYS, so a database lookup
 * per request buys nothing. Only hits are kept, and only briefly, so a revoked key stops working
 * within KEY_CACHE_TTL_MS. One cache per database client (no process-wide state across test apps).
 */
const KEY_CACHE_TTL_MS = 10_000;
const KEY_CACHE_MAX = 1_000;
const caches = new WeakMap<PrismaClient, Map<string, { name: string; until: number }>>();

async function cachedExternalSystem(db: PrismaClient, key: string): Promise<string | null> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map<string, { name: string; until: number }>();
    caches.set(db, cache);
  }
  const id = hashSecret(key).toString('hex');
  const hit = cache.get(id);
  if (hit && hit.until > Date.now()) return hit.name;
  const name = await findExternalSystem(db, key);
  if (name) {
    if (cache.size >= KEY_CACHE_MAX) cache.clear();
    cache.set(id, { name, until: Date.now() + KEY_CACHE_TTL_MS });
  } else {
    cache.delete(id);
  }
  return name;
}

/** ExternalSystemAuth: a key from EXTERNAL_SYSTEM_KEYS in the Authorization header. */
export function externalSystemAuth(db: PrismaClient): onRequestAsyncHookHandler {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) throw unauthorized('missing Authorization header (ExternalSystemAuth key)');
    const system = await cachedExternalSystem(db, token);
    if (!system) throw unauthorized('unknown or revoked external system key');
    request.externalSystem = system;
  };
}
