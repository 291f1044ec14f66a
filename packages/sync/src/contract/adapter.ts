import type { HttpClient } from '@callbridge/http';
import type { Logger } from 'pino';
import type { z } from 'zod';

/**
 * The adapter contract (DESIGN.md "Adapters as data plus small files"). An adapter is a plain
 * object made by `defineAdapter`: its kind, zod schemas for its config and credentials (with the
 * secret fields named), what it can do, and `create(ctx)`, which gets everything it may use through
 * `ctx` — never Prisma, BullMQ or another adapter.
 */
export interface AdapterDefinition<Config = unknown, Credentials = unknown> {
  /** `bpm`, `task24`, …: lower case letters, digits and dashes. */
  kind: string;
  title: string;
  configSchema: z.ZodType<Config>;
  credentialsSchema: z.ZodType<Credentials>;
  /** Credential fields that are secrets: masked by the API, never logged. */
  secretFields: readonly (keyof Credentials & string)[];
  capabilities: { push: boolean; pull: boolean };
  create(ctx: AdapterContext<Config, Credentials>): AdapterInstance;
}

export interface AdapterInstance {
  /** Proves the credentials work with one cheap call (`POST /admin/connections/:id/test`). */
  selfTest(): Promise<SelfTestResult>;
  /** Sends one portal change to the external system (capabilities.push). */
  push?(change: OutboundChange): Promise<PushOutcome>;
  /** Reads external changes since the stream cursors and applies them to the portal (capabilities.pull). */
  pull?(): Promise<PullOutcome>;
}

export type SelfTestResult = { ok: true; detail?: string } | { ok: false; reason: string };

/** A portal change routed to this connection (an outbox entry), with the call as it is now. */
export interface OutboundChange {
  /** The outbox entry's id: a natural idempotency key for the external write. */
  changeId: bigint;
  topic: string;
  callId: bigint;
  entityId: bigint | null;
  payload: Record<string, unknown>;
  call: CallSnapshot;
  /** For `message.created`: the message. */
  message?: { id: bigint; message: string; date: string; fromPortalUser: boolean };
}

/** What a push may map from the call (the portal's fields, dates as ISO strings). */
export interface CallSnapshot {
  id: bigint;
  number: string;
  status: 'New' | 'Committed' | 'Done' | 'Closed';
  ownerId: bigint;
  clientName: string;
  contactPersonName: string | null;
  contactPersonPhone: string | null;
  contactPersonEmail: string | null;
  critical: boolean;
  descriptionHtmlText: string;
  descriptionTextForFieldEmployee: string;
  serviceObjectName: string;
  serviceObjectAddress: string;
  serviceObjectLatitude: number;
  serviceObjectLongitude: number;
  serviceObjectType: string | null;
  comments: string | null;
  created: string;
  tto: string | null;
  ttf: string | null;
  commited: string | null;
  finished: string | null;
}

export type PushOutcome =
  | { status: 'sent'; externalId?: string }
  | { status: 'skipped'; reason: string }
  | { status: 'planned'; plan: unknown[] };

export interface PullOutcome {
  /** Changes applied to the portal. */
  applied: number;
  /** Whether more is waiting (the engine calls pull again at once). */
  more: boolean;
}

/** What an adapter may touch. The engine builds it per connection and job. */
export interface AdapterContext<Config, Credentials> {
  connectionId: string;
  baseUrl: string;
  config: Config;
  credentials: Credentials;
  /** The connection's outbound client: rate-limited, retrying, cookie jar when asked for. */
  http: HttpClient;
  logger: Logger;
  /** `settings.dryRun`: record intended external writes with `plan` and send nothing. */
  dryRun: boolean;
  plan(action: { operation: string; target: string; body?: unknown }): void;
  cursors: CursorStore;
  links: LinkStore;
  /** What a pull may do to the portal; every change is tagged with this connection (no echo). */
  portal: PortalOperations;
}

/**
 * The portal operations a pull applies. Each is idempotent: a change already applied (the same
 * external id, or a status the call has already reached) returns false and changes nothing, so a
 * pull that is retried or overlaps its last window applies nothing twice.
 */
export interface PortalOperations {
  /** The call as it is now; null when there is none. */
  call(callId: bigint): Promise<CallSnapshot | null>;
  /** New → Committed → Done, as the contractor's system reports it. */
  advanceCall(callId: bigint, progress: CallProgress): Promise<boolean>;
  /** A message from the external system, posted once per `externalId` (kept as a `message` link). */
  postMessage(callId: bigint, message: { externalId: string; text: string; date: Date }): Promise<boolean>;
  /** A risk reported by the external system, raised once per `externalId` (a `jeopardy` link). */
  raiseJeopardy(callId: bigint, jeopardy: { externalId: string; comment: string }): Promise<boolean>;
  /** Done → Closed, as the external system reports it; false when the call is already Closed or not Done. */
  closeCall(callId: bigint): Promise<boolean>;
  /**
   * The external system waits for the call's owner: a message on the call and an `call.attention`
   * notification for the owner, once per `externalId`.
   */
  requestAttention(callId: bigint, request: { externalId: string; text: string; date: Date }): Promise<boolean>;
  /** The call with this number, when the connection routes it (an external record found by its natural key). */
  findCallByNumber(number: string): Promise<CallSnapshot | null>;
  /** A task attachment's name and bytes (for an `attachment.created` push); null when it is gone. */
  attachment(id: bigint): Promise<{ id: bigint; fileName: string; contentType: string; bytes: Buffer } | null>;
}

export type CallProgress =
  { status: 'Committed'; at: Date } | { status: 'Done'; at: Date; comment: string; committedAt?: Date | undefined };

/** Where a stream has read up to; `set` only after the batch it covers is applied. */
export interface CursorStore {
  get(stream: string): Promise<string | null>;
  set(stream: string, value: string): Promise<void>;
}

/** Portal entities and their external counterparts (DESIGN.md "Links"). */
export interface LinkStore {
  findExternal(entity: string, localId: bigint): Promise<string | null>;
  findLocal(entity: string, externalId: string): Promise<bigint | null>;
  save(entity: string, localId: bigint, externalId: string, externalVersion?: string): Promise<void>;
  /** The links of one entity kind in local id order, a page at a time. */
  list(entity: string, page: { afterLocalId?: bigint; limit: number }): Promise<LinkRecord[]>;
}

export interface LinkRecord {
  localId: bigint;
  externalId: string;
  externalVersion: string | null;
  updatedAt: Date;
}

/** Keeps an adapter's definition as it is while giving it its types. */
export function defineAdapter<Config, Credentials>(
  definition: AdapterDefinition<Config, Credentials>,
): AdapterDefinition<Config, Credentials> {
  return definition;
}
