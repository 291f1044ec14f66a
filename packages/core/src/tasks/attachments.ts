import { createHash } from 'node:crypto';
import { inTransaction, type BlobStore, type CallStatus, type Db } from '@callbridge/db';
import { conflict, DomainError, notFound } from '../errors.js';
import { lockCall, touchCall } from '../calls/owned-call.js';
import { recordOutbox } from '../outbox/record-outbox.js';
import { CONTENT_TYPES, sniffAttachment } from './attachment-type.js';

/** A task with what its access rules need: the owner and status of its call. */
export async function requireTask(db: Db, taskId: bigint, notFoundCode?: number) {
  const task = await db.callTask.findUnique({
    where: { id: taskId },
    include: {
      call: { select: { id: true, ownerId: true, status: true } },
      result: { include: { attachments: { orderBy: { id: 'asc' } } } },
    },
  });
  if (!task) throw notFound(`call task with id ${taskId} not found`, notFoundCode);
  return task;
}

export interface AttachmentUpload {
  taskId: bigint;
  fileName: string;
  bytes: Buffer;
  /** The call statuses in which this route may attach (E26: Committed or Done; E35: Done). */
  callStatuses: readonly CallStatus[];
}

/**
 * Adds a file to a Done task's result (spec E26, E35): its type comes from its bytes (422 when it
 * is none of the accepted ones or an unreadable image), the bytes go to the blob store and the row,
 * an outbox entry and the call's new stamp commit together. A failed commit removes the blob again.
 */
export async function saveAttachment(db: Db, blobs: BlobStore, upload: AttachmentUpload) {
  const sniffed = await sniffAttachment(upload.bytes);
  const blobKey = await blobs.put(upload.bytes, { extension: sniffed.type.toLowerCase() });
  try {
    return await inTransaction(db, async (tx) => {
      const task = await tx.callTask.findUnique({
        where: { id: upload.taskId },
        select: { callId: true, status: true },
      });
      if (!task) throw notFound(`call task with id ${upload.taskId} not found`);
      const call = await lockCall(tx, task.callId);
      if (!call || !upload.callStatuses.includes(call.status) || task.status !== 'Done') {
        throw conflict(
          `one or more conditions not met: the call must be ${upload.callStatuses.join(' or ')} (it is ${call?.status}) ` +
            `and the task Done (it is ${task.status})`,
        );
      }
      const attachment = await tx.callTaskAttachment.create({
        data: {
          taskId: upload.taskId,
          name: upload.fileName,
          type: sniffed.type,
          contentType: sniffed.contentType,
          size: upload.bytes.length,
          sha256: createHash('sha256').update(upload.bytes).digest(),
          blobKey,
        },
      });
      await recordOutbox(tx, { topic: 'attachment.created', callId: task.callId, entityId: attachment.id });
      await touchCall(tx, task.callId);
      return attachment;
    });
  } catch (error) {
    await blobs.delete(blobKey).catch(() => undefined);
    throw error;
  }
}

/** An attachment of a task's result with its bytes (spec E27, E28, E36): 404 code 2 when it is not one. */
export async function readAttachment(db: Db, blobs: BlobStore, taskId: bigint, attachmentId: bigint) {
  const attachment = await db.callTaskAttachment.findUnique({ where: { id: attachmentId } });
  if (!attachment || attachment.taskId !== taskId) {
    throw notFound(`attached file ${attachmentId} of call task ${taskId} not found`, 2);
  }
  const bytes = await blobs.get(attachment.blobKey);
  if (!bytes) throw new DomainError(404, `the bytes of attached file ${attachmentId} are missing`, 2);
  return { attachment, bytes, contentType: CONTENT_TYPES[attachment.type] };
}
