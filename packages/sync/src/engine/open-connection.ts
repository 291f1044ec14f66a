import type { BlobStore, PrismaClient } from '@callbridge/db';
import {
  createCookieJar,
  createHttpClient,
  RedisRateLimiter,
  type ConnectionCookieJar,
  type HttpClient,
} from '@callbridge/http';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { AdapterDefinition, AdapterInstance } from '../contract/adapter.js';
import type { AdapterRegistry } from '../contract/registry.js';
import { openCredentials, type CredentialsKey } from '../credentials/credentials-cipher.js';
import { engineSettingsSchema, splitSettings, type EngineSettings } from './connection-settings.js';
import { silentObserver, type SyncObserver } from './sync-observer.js';
import { portalOperations } from './portal-operations.js';
import { prismaCursorStore, prismaLinkStore } from './stores.js';

/**
 * `settings.rateLimit` is the external system's own limit. Requests leave evenly counted but arrive
 * with network jitter, so a budget of exactly that limit would overrun the system's window now and
 * then (a 429 and a pause for every worker); the engine keeps this fraction below it.
 */
const RATE_LIMIT_MARGIN = 0.05;

export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

export interface OpenedConnection {
  id: string;
  definition: AdapterDefinition;
  engine: EngineSettings;
  adapter: AdapterInstance;
  http: HttpClient;
  observer: SyncObserver;
  /** The external writes a dry run would have made. */
  plan: unknown[];
  close(): Promise<void>;
}

export interface OpenConnectionDeps {
  db: PrismaClient;
  registry: AdapterRegistry;
  keys: readonly CredentialsKey[];
  logger: Logger;
  /** For the rate limit shared by all processes; without it the connection is not rate-limited here. */
  redis?: Redis;
  /** Metrics of external requests, pushes and pulls; silent when left out. */
  observer?: SyncObserver;
  /**
   * Session cookies kept between jobs of this process, per connection (and its last change), so a
   * cookie-session adapter logs in once rather than once per job. In memory only, never stored.
   */
  cookieJars?: KeptCookieJars;
  /** Where attachment bytes live, for pushes of task attachments. */
  blobs?: BlobStore;
}

/**
 * A connection ready to use: its row, its adapter, config and credentials validated by the
 * adapter's schemas, and a context with the connection's HTTP client, cursors and links. Anything
 * wrong (unknown adapter, a key that is gone, settings the adapter refuses) is a ConnectionError that
 * says which.
 */
export async function openConnection(deps: OpenConnectionDeps, connectionId: string): Promise<OpenedConnection> {
  const row = await deps.db.connection.findUnique({ where: { id: connectionId } });
  if (!row) throw new ConnectionError(`connection ${connectionId} does not exist`);
  const definition = deps.registry.get(row.adapter);
  if (!definition) throw new ConnectionError(`connection ${row.name}: no adapter "${row.adapter}" is registered`);

  const { engine: rawEngine, config: rawConfig } = splitSettings((row.settings ?? {}) as Record<string, unknown>);
  const engine = engineSettingsSchema.safeParse(rawEngine);
  const config = definition.configSchema.safeParse(rawConfig);
  if (!engine.success || !config.success) throw new ConnectionError(`connection ${row.name}: its settings are invalid`);
  const credentials = definition.credentialsSchema.safeParse(
    openCredentials({ cipher: row.credentialsCipher, keyId: row.credentialsKeyId }, deps.keys),
  );
  if (!credentials.success) throw new ConnectionError(`connection ${row.name}: its credentials do not fit the adapter`);

  const observer = deps.observer ?? silentObserver;
  const labels = { id: row.id, adapter: row.adapter };
  // The HTTP client adds the connection id to its lines; the engine's callers add it to theirs.
  const logger = deps.logger.child({ adapter: row.adapter });
  const secretParams = definition.secretFields.map(String);
  const secretValues = secretParams.flatMap((field) => {
    const value = (credentials.data as Record<string, unknown>)[field];
    return typeof value === 'string' && value.length > 0 ? [value] : [];
  });
  const http = createHttpClient({
    baseUrl: row.baseUrl,
    connectionId: row.id,
    logger,
    redact: { secretParams, secretValues },
    cookieJar: cookieJarFor(deps.cookieJars, row),
    onAttempt: (attempt) => observer.externalRequest(labels, attempt),
    timeouts: { overallMs: engine.data.timeoutMs, headersMs: engine.data.timeoutMs, bodyMs: engine.data.timeoutMs },
    ...(deps.redis && engine.data.rateLimit
      ? {
          rateLimiter: new RedisRateLimiter({
            redis: deps.redis,
            connectionId: row.id,
            limit: engine.data.rateLimit.limit,
            intervalMs: Math.ceil(engine.data.rateLimit.intervalMs * (1 + RATE_LIMIT_MARGIN)),
          }),
        }
      : {}),
  });
  const plan: unknown[] = [];
  const adapter = definition.create({
    connectionId: row.id,
    baseUrl: row.baseUrl,
    config: config.data,
    credentials: credentials.data,
    http,
    logger,
    dryRun: engine.data.dryRun,
    plan: (action) => plan.push(action),
    cursors: prismaCursorStore(deps.db, row.id),
    links: prismaLinkStore(deps.db, row.id),
    portal: portalOperations(deps.db, row.id, logger, deps.blobs),
  });
  return { id: row.id, definition, engine: engine.data, adapter, http, observer, plan, close: () => http.close() };
}

/** Session cookies a worker keeps between jobs: per connection, for the connection as last changed. */
export type KeptCookieJars = Map<string, { version: number; jar: ConnectionCookieJar }>;

function cookieJarFor(jars: KeptCookieJars | undefined, row: { id: string; updatedAt: Date; baseUrl: string }) {
  if (!jars) return createCookieJar(row.baseUrl);
  const version = row.updatedAt.getTime();
  let kept = jars.get(row.id);
  // A changed connection (new credentials, new URL) starts a fresh session.
  if (kept?.version !== version) {
    kept = { version, jar: createCookieJar(row.baseUrl) };
    jars.set(row.id, kept);
  }
  return kept.jar;
}
