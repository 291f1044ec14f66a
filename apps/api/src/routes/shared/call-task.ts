import { DomainError, readAttachment, requireTask, saveAttachment, type ResolvedTempLink } from '@callbridge/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../../deps.js';
import { toAttachmentDto, toTaskResultDto } from '../../mappers/call-dto.js';
import { UPLOAD_BODY_DOC, readAttachmentUpload, sendAttachment } from '../../plugins/attachment-upload.js';
import { callTaskAttachmentDto, callTaskResultDto } from '../../schemas/call-dto.js';
import { SECURITY, errorResponses, idParams, pathId } from '../../schemas/common.js';
import { sharedTokenQuery } from '../../schemas/shared.js';
import { tempLinkAuth, tempLinkOf } from '../../plugins/temp-link-auth.js';

const TOKEN =
  'No auth scheme: the `token` query from E5. Missing or malformed: 400; unknown: 404. Task and attachment ids must ' +
  'belong to the token’s call, else 404 (§3.5).';

/** E35–E37: a field employee's task attachments and results through a temporary link. */
export const sharedCallTaskRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, blobs, config }) => {
  /** The task, when it is one of the token's call: 404 (with the route's code) otherwise. */
  const linkedTask = async (request: { tempLink?: ResolvedTempLink }, taskId: number, code?: number) => {
    const link = tempLinkOf(request);
    const task = await requireTask(db, BigInt(taskId), code);
    if (task.callId !== link.callId) throw new DomainError(404, `call task ${taskId} not found on this call`, code);
    return task;
  };

  app.post(
    '/shared/callTask/:id/attachment',
    {
      onRequest: tempLinkAuth(db),
      schema: {
        tags: ['Shared'],
        summary: 'Attach a file to a call task by token (E35)',
        description:
          `${TOKEN} A link replaced by a newer one is 404. multipart/form-data, field \`Attachment\`. The call must be ` +
          'Done (the employee reports it done first, E34) and the task Done, else 409. Types and 422 as in E26.',
        security: SECURITY.none,
        ...UPLOAD_BODY_DOC,
        params: idParams,
        querystring: sharedTokenQuery,
        response: { 200: callTaskAttachmentDto, ...errorResponses(400, 404, 409, 422) },
      },
    },
    async (request) => {
      await linkedTask(request, request.params.id);
      const upload = await readAttachmentUpload(request, config.ATTACHMENT_MAX_BYTES);
      const saved = await saveAttachment(db, blobs, {
        taskId: BigInt(request.params.id),
        ...upload,
        callStatuses: ['Done'],
      });
      return toAttachmentDto(saved);
    },
  );

  app.get(
    '/shared/callTask/:id/attachment/:attachmentId/download',
    {
      onRequest: tempLinkAuth(db, 403),
      schema: {
        tags: ['Shared'],
        summary: 'Download a file attached to a call task by token (E36)',
        description: `${TOKEN} A token whose link was replaced by a newer link is 403 ("the temporary link identifier does not match"). 404 code 1 task, code 2 attachment.`,
        security: SECURITY.none,
        params: z.object({ id: pathId, attachmentId: pathId }),
        querystring: sharedTokenQuery,
        response: { 200: z.any().describe('The file'), ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      await linkedTask(request, request.params.id, 1);
      const file = await readAttachment(db, blobs, BigInt(request.params.id), BigInt(request.params.attachmentId));
      return sendAttachment(reply, file);
    },
  );

  app.get(
    '/shared/callTask/:id/result',
    {
      onRequest: tempLinkAuth(db),
      schema: {
        tags: ['Shared'],
        summary: "Get a call task's result by token (E37)",
        description: `${TOKEN} A link replaced by a newer one is 404; so is a task without a result yet.`,
        security: SECURITY.none,
        params: idParams,
        querystring: sharedTokenQuery,
        response: { 200: callTaskResultDto, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      return toTaskResultDto(await linkedTask(request, request.params.id));
    },
  );
};
