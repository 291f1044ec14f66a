export {
  defineAdapter,
  type AdapterDefinition,
  type AdapterInstance,
  type AdapterContext,
  type SelfTestResult,
  type OutboundChange,
  type PushOutcome,
  type PullOutcome,
  type CursorStore,
  type LinkStore,
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
