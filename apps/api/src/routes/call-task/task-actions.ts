import { DomainError, changeTaskStatus, readAttachment, requireTask, saveAttachment } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { toAttachmentDto, toTaskResultDto } from '../../mappers/call-dto.js';
import { UPLOAD_BODY_DOC, readAttachmentUpload, sendAttachment } from '../../plugins/attachment-upload.js';
import { externalSystemAuth } from '../../plugins/external-system-auth.js';
import { portalUserOf, userAuth } from '../../plugins/user-auth.js';
import { callTaskAttachmentDto, callTaskResultDto, callTaskStatusSchema } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses, idParams, noContent, pathId } from '../../schemas/common.js';

const attachmentParams = z.object({ id: pathId, attachmentId: pathId });
const statusInput = z.object({ status: callTaskStatusSchema }).meta({ id: 'CallTaskStatusInputDTO' });

/** E26–E30: task attachments, downloads, results and status. */
export const taskActionRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, blobs, config }) => {
  /** The task, when the caller owns its call: 404 (code where documented) or 403. */
  const ownedTask = async (taskId: number, userId: bigint, notFoundCode?: number) => {
    const task = await requireTask(db, BigInt(taskId), notFoundCode);
    if (task.call.ownerId !== userId) throw new DomainError(403, `access denied: task ${taskId} is another user's`);
    return task;
  };

  app.post(
    '/calltask/:id/attachment',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['CallTask'],
        summary: 'Attach a file to a call task (E26)',
        description:
          'multipart/form-data with the file in field `Attachment`. Both conditions must hold (Ambiguity 24): the call ' +
          'is Committed or Done and the task is Done, else 409. The type is read from the bytes (JPEG, PNG, TIFF, DOC, ' +
          'DOCX, XLS, XLSX, PDF, ZIP); anything else, an image that does not decode, an empty file or one over ' +
          'ATTACHMENT_MAX_BYTES is 422 (Ambiguity 25). `downloaded` is the upload time (Ambiguity 34).',
        security: SECURITY.user,
        ...UPLOAD_BODY_DOC,
        params: idParams,
        response: { 200: callTaskAttachmentDto, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      await ownedTask(request.params.id, portalUserOf(request).id);
      const upload = await readAttachmentUpload(request, config.ATTACHMENT_MAX_BYTES);
      const saved = await saveAttachment(db, blobs, {
        taskId: BigInt(request.params.id),
        ...upload,
        callStatuses: ['Committed', 'Done'],
      });
      return toAttachmentDto(saved);
    },
  );

  const download = (auth: 'external' | 'user') =>
    ({
      onRequest: auth === 'external' ? externalSystemAuth(db) : userAuth(db),
      schema: {
        tags: ['CallTask'],
        summary:
          auth === 'external'
            ? 'Get a file attached to a call task (E27)'
            : 'Download a file attached to a call task (E28)',
        description:
          'The bytes as uploaded, with the Content-Type of their type and a Content-Disposition naming the file. ' +
          '404 code 1 unknown task, code 2 an attachment that is not of this task. E27 (dispatch centre) and E28 ' +
          '(contractor, own calls only) behave the same (Ambiguity 26).',
        security: auth === 'external' ? SECURITY.external : SECURITY.user,
        params: attachmentParams,
        response: { 200: z.any().describe('The file'), ...errorResponses(400, 401, 403, 404) },
      },
    }) as const;

  app.get('/calltask/:id/attachment/:attachmentId', download('external'), async (request, reply) => {
    await requireTask(db, BigInt(request.params.id), 1);
    const file = await readAttachment(db, blobs, BigInt(request.params.id), BigInt(request.params.attachmentId));
    return sendAttachment(reply, file);
  });

  app.get('/calltask/:id/attachment/:attachmentId/download', download('user'), async (request, reply) => {
    await ownedTask(request.params.id, portalUserOf(request).id, 1);
    const file = await readAttachment(db, blobs, BigInt(request.params.id), BigInt(request.params.attachmentId));
    return sendAttachment(reply, file);
  });

  app.get(
    '/calltask/:id/result',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['CallTask'],
        summary: "Get a call task's result (E29)",
        description: 'The attachments of the result; 404 when the task is unknown or not Done yet (Ambiguity 27).',
        security: SECURITY.user,
        params: idParams,
        response: { 200: callTaskResultDto, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return toTaskResultDto(await ownedTask(request.params.id, portalUserOf(request).id));
    },
  );

  app.post(
    '/calltask/:id/status',
    {
      onRequest: userAuth(db),
      schema: {
        tags: ['CallTask'],
        summary: "Change a call task's status (E30)",
        description:
          'New → Done (the task gets its empty result) or New → Canceled, only while the call is Committed (§5.2); ' +
          'anything else, the same status included, is 409. Answers 204.',
        security: SECURITY.user,
        params: idParams,
        body: statusInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await changeTaskStatus(db, BigInt(request.params.id), portalUserOf(request).id, request.body.status);
      return reply.status(204).send(null);
    },
  );
};
