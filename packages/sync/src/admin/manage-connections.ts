import { DomainError } from '@callbridge/core';
import type { Connection, PrismaClient, Prisma } from '@callbridge/db';
import type { z } from 'zod';
import type { AdapterRegistry } from '../contract/registry.js';
import {
  maskCredentials,
  openCredentials,
  sealCredentials,
  type CredentialsKey,
} from '../credentials/credentials-cipher.js';
import { engineSettingsSchema, splitSettings } from '../engine/connection-settings.js';

export interface ConnectionInput {
  adapter: string;
  name: string;
  baseUrl: string;
  credentials: Record<string, unknown>;
  settings: Record<string, unknown>;
  filter: { ownerIds?: number[] | undefined };
  pollIntervalMs: number;
  enabled: boolean;
}

export interface ConnectionAdminDeps {
  db: PrismaClient;
  registry: AdapterRegistry;
  /** CREDENTIALS_KEYS; the first seals, all open. Empty: credentials cannot be stored. */
  keys: readonly CredentialsKey[];
}

/** A connection as the admin API shows it: credentials masked, never the cipher. */
export function describeConnection(row: Connection, deps: ConnectionAdminDeps) {
  const definition = deps.registry.get(row.adapter);
  let credentials: Record<string, unknown> | null = null;
  try {
    const plain = openCredentials({ cipher: row.credentialsCipher, keyId: row.credentialsKeyId }, deps.keys);
    credentials = maskCredentials(
      plain as Record<string, unknown>,
      definition?.secretFields.map(String) ?? Object.keys(plain as object),
    );
  } catch {
    credentials = null;
  }
  return {
    id: row.id,
    adapter: row.adapter,
    name: row.name,
    baseUrl: row.baseUrl,
    credentials,
    credentialsKeyId: row.credentialsKeyId,
    settings: row.settings as Record<string, unknown>,
    filter: row.filter as { ownerIds?: number[] },
    schedule: { pollIntervalMs: row.pollIntervalMs },
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Checks input against the adapter's own schemas; answers what to store. */
function validated(input: ConnectionInput, deps: ConnectionAdminDeps) {
  const definition = deps.registry.get(input.adapter);
  if (!definition) {
    throw new DomainError(
      400,
      `unknown adapter "${input.adapter}" (known: ${deps.registry.kinds().join(', ') || 'none'})`,
    );
  }
  const credentials = definition.credentialsSchema.safeParse(input.credentials);
  if (!credentials.success) throw new DomainError(400, `invalid credentials: ${issues(credentials.error)}`);
  const { engine, config } = splitSettings(input.settings);
  const engineCheck = engineSettingsSchema.safeParse(engine);
  if (!engineCheck.success) throw new DomainError(400, `invalid settings: ${issues(engineCheck.error)}`);
  const configCheck = definition.configSchema.safeParse(config);
  if (!configCheck.success) throw new DomainError(400, `invalid settings: ${issues(configCheck.error)}`);
  const key = deps.keys[0];
  if (!key) throw new DomainError(503, 'CREDENTIALS_KEYS is not configured: credentials cannot be stored');
  return sealCredentials(credentials.data as object, key);
}

export async function createConnection(deps: ConnectionAdminDeps, input: ConnectionInput): Promise<string> {
  const sealed = validated(input, deps);
  try {
    const row = await deps.db.connection.create({
      data: {
        adapter: input.adapter,
        name: input.name,
        baseUrl: input.baseUrl,
        credentialsCipher: sealed.cipher,
        credentialsKeyId: sealed.keyId,
        settings: input.settings as Prisma.InputJsonObject,
        filter: input.filter,
        pollIntervalMs: input.pollIntervalMs,
        enabled: input.enabled,
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new DomainError(409, `a connection named "${input.name}" already exists`);
    }
    throw error;
  }
}

export async function requireConnection(deps: ConnectionAdminDeps, id: string): Promise<Connection> {
  const row = await deps.db.connection.findUnique({ where: { id } });
  if (!row) throw new DomainError(404, `connection ${id} not found`);
  return row;
}

/**
 * Changes a connection; absent fields stay. New credentials replace the old ones whole (the API
 * never shows them, so they cannot be edited field by field); the adapter cannot change.
 */
export async function updateConnection(
  deps: ConnectionAdminDeps,
  id: string,
  patch: Partial<Omit<ConnectionInput, 'adapter'>>,
): Promise<void> {
  const row = await requireConnection(deps, id);
  const current = openCredentials({ cipher: row.credentialsCipher, keyId: row.credentialsKeyId }, deps.keys);
  const merged: ConnectionInput = {
    adapter: row.adapter,
    name: patch.name ?? row.name,
    baseUrl: patch.baseUrl ?? row.baseUrl,
    credentials: patch.credentials ?? (current as Record<string, unknown>),
    settings: patch.settings ?? (row.settings as Record<string, unknown>),
    filter: patch.filter ?? (row.filter as { ownerIds?: number[] }),
    pollIntervalMs: patch.pollIntervalMs ?? row.pollIntervalMs,
    enabled: patch.enabled ?? row.enabled,
  };
  const sealed = validated(merged, deps);
  await deps.db.connection.update({
    where: { id },
    data: {
      name: merged.name,
      baseUrl: merged.baseUrl,
      credentialsCipher: sealed.cipher,
      credentialsKeyId: sealed.keyId,
      settings: merged.settings as Prisma.InputJsonObject,
      filter: merged.filter,
      pollIntervalMs: merged.pollIntervalMs,
      enabled: merged.enabled,
    },
  });
}

export async function deleteConnection(deps: ConnectionAdminDeps, id: string): Promise<void> {
  const { count } = await deps.db.connection.deleteMany({ where: { id } });
  if (count === 0) throw new DomainError(404, `connection ${id} not found`);
}
