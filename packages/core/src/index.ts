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
export { createCall, createCalls, type NewCall, type CreatedCall } from './calls/create-call.js';
export { contractorMayMove, dispatcherMayClose } from './calls/call-status.js';
export { changeCallStatus, type CallStatusChange, type ChangedCallStatus } from './calls/change-call-status.js';
export { closeCall } from './calls/close-call.js';
export { advanceCall, type CallProgress } from './calls/advance-call.js';
export { patchCall, type CallPatch } from './calls/patch-call.js';
export { postExternalMessage, postUserMessage, type SavedMessage } from './calls/call-messages.js';
export { raiseJeopardy, raiseExternalJeopardy, answerJeopardy } from './calls/call-jeopardies.js';
export { createTempLink } from './calls/create-temp-link.js';
export { completeByFieldEmployee, type FieldEmployeeReport } from './calls/complete-by-field-employee.js';
export { requireOwnedCall, lockCall, touchCall, type OwnedCall } from './calls/owned-call.js';
export {
  issueTempLink,
  resolveTempLink,
  requireTempLink,
  type ResolvedTempLink,
  type TempLinkFailure,
} from './calls/temp-links.js';
export {
  callViewInclude,
  loadCallView,
  requireCallView,
  type CallView,
  type TaskView,
  type AttachmentView,
} from './calls/call-view.js';
export * from './users/index.js';
export * from './settings/index.js';
export * from './costs/index.js';
export * from './tasks/index.js';
export * from './feeds/index.js';
