export { sniffAttachment, CONTENT_TYPES, type SniffedAttachment } from './attachment-type.js';
export { changeTaskStatus, applyTaskResults, taskMayMove } from './task-status.js';
export { requireTask, saveAttachment, readAttachment, type AttachmentUpload } from './attachments.js';
