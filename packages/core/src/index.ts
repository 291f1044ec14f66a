export { DomainError, notFound, conflict, invalid, unauthorized } from './errors.js';
export { readStampHorizon } from './stamps/stamp-horizon.js';
export { recordOutbox, type OutboxRecord, type OutboxTopic } from './outbox/record-outbox.js';
export { createCall, type NewCall, type CreatedCall } from './calls/create-call.js';
export { hashSecret } from './auth/hash-secret.js';
export { seedExternalSystemKeys, findExternalSystem } from './auth/external-system-keys.js';
