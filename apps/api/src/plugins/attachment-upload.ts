import { DomainError } from '@callbridge/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const UPLOAD_FIELD = 'Attachment';

/**
 * The file of an upload (spec E26, E35: multipart/form-data, field `Attachment`). Not multipart or
 * no such field: 400. Bigger than ATTACHMENT_MAX_BYTES (the multipart limit set in app.ts): 422,
 * "unsuitable size", as the spec says.
 */
export async function readAttachmentUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (!request.isMultipart()) {
    throw new DomainError(400, `expected multipart/form-data with a file field "${UPLOAD_FIELD}"`);
  }
  const file = await request.file();
  if (!file || file.fieldname !== UPLOAD_FIELD) {
    throw new DomainError(400, `the form has no file field "${UPLOAD_FIELD}"`);
  }
  try {
    const bytes = await file.toBuffer();
    // Control characters (NUL above all) cannot be stored or sent back in a header: drop them.
    const fileName = [...(file.filename ?? '')]
      .filter((char) => char.charCodeAt(0) >= 0x20 && char !== '\x7f')
      .join('');
    return { fileName: fileName.slice(0, 255) || 'attachment', bytes };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(422, `the attached file is larger than the limit of ${maxBytes} bytes`);
    }
    throw error;
  }
}

/** Sends an attachment's bytes as they were uploaded, with its type and its name (RFC 6266 / 5987). */
export function sendAttachment(
  reply: FastifyReply,
  file: { bytes: Buffer; contentType: string; attachment: { name: string } },
): FastifyReply {
  const fallback = file.attachment.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.attachment.name)}`,
    )
    .send(file.bytes);
}

/** OpenAPI of an upload route: the multipart body the zod schemas cannot describe. */
export const UPLOAD_BODY_DOC = {
  consumes: ['multipart/form-data'],
} as const;
