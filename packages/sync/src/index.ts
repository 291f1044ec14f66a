export {
  defineAdapter,
  type AdapterDefinition,
  type AdapterInstance,
  type AdapterContext,
  type SelfTestResult,
  type OutboundChange,
  type CallSnapshot,
  type PushOutcome,
  type PullOutcome,
  type CursorStore,
  type LinkStore,
  type LinkRecord,
  type PortalOperations,
  type CallProgress,
} from './contract/adapter.js';
export { createAdapterRegistry, AdapterRegistryError, type AdapterRegistry } from './contract/registry.js';
export {
  sealCredentials,
  openCredentials,
  maskCredentials,
  MASK,
  CredentialsKeyError,
  type CredentialsKey,
  type SealedCredentials,
} from './credentials/credentials-cipher.js';
export { rotateCredentialsKey, type RotationProgress } from './credentials/rotate-credentials-key.js';
export { prismaCursorStore, prismaLinkStore } from './engine/stores.js';
export { portalOperations } from './engine/portal-operations.js';
export { engineSettingsSchema, splitSettings, type EngineSettings } from './engine/connection-settings.js';
export {
  openConnection,
  ConnectionError,
  type OpenedConnection,
  type OpenConnectionDeps,
  type KeptCookieJars,
} from './engine/open-connection.js';
export {
  createConnection,
  updateConnection,
  deleteConnection,
  requireConnection,
  describeConnection,
  type ConnectionInput,
  type ConnectionAdminDeps,
} from './admin/manage-connections.js';
export { routedConnections, routesOwner } from './engine/route-change.js';
export { reconcileConnection, RECONCILE_STREAM } from './engine/reconcile-connection.js';
export { pushCallChanges, pushStream, type PushJob, type PushResult } from './engine/push-changes.js';
export { pullConnection } from './engine/pull-connection.js';
export { recordSyncRun, type SyncRunStart } from './engine/record-sync-run.js';
export { silentObserver, type SyncObserver } from './engine/sync-observer.js';
