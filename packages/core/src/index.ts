export { DomainError, notFound, conflict, invalid, unauthorized } from './errors.js';
export { readStampHorizon } from './stamps/stamp-horizon.js';
export { recordOutbox, type OutboxRecord, type OutboxTopic } from './outbox/record-outbox.js';
export { notify, type NewNotification, type NotificationKind } from './notifications/notify.js';
export { hashSecret } from './auth/hash-secret.js';
export { seedExternalSystemKeys, findExternalSystem } from './auth/external-system-keys.js';
export {
  issueTokenPair,
  findTokenUser,
  revokeUserTokens,
  type TokenLifetimes,
  type TokenPair,
  type TokenUser,
} from './auth/user-tokens.js';
export { createCall, type NewCall, type CreatedCall } from './calls/create-call.js';
export { requireOwnedCall, lockCall, touchCall, type OwnedCall } from './calls/owned-call.js';
export {
  issueTempLink,
  resolveTempLink,
  requireTempLink,
  type ResolvedTempLink,
  type TempLinkFailure,
} from './calls/temp-links.js';
export { callViewInclude, loadCallView, type CallView, type TaskView, type AttachmentView } from './calls/call-view.js';
export * from './users/index.js';
export * from './settings/index.js';
export * from './costs/index.js';
export * from './tasks/index.js';
export * from './feeds/index.js';
