import type { AttachmentType } from '@callbridge/db';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError } from '../errors.js';
import { cfbStreamNames } from './cfb-streams.js';

export interface SniffedAttachment {
  type: AttachmentType;
  contentType: string;
}

const BY_EXTENSION: Record<string, SniffedAttachment> = {
  jpg: { type: 'JPEG', contentType: 'image/jpeg' },
  png: { type: 'PNG', contentType: 'image/png' },
  tif: { type: 'TIFF', contentType: 'image/tiff' },
  pdf: { type: 'PDF', contentType: 'application/pdf' },
  docx: { type: 'DOCX', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { type: 'XLSX', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  zip: { type: 'ZIP', contentType: 'application/zip' },
};
const DOC: SniffedAttachment = { type: 'DOC', contentType: 'application/msword' };
const XLS: SniffedAttachment = { type: 'XLS', contentType: 'application/vnd.ms-excel' };
const IMAGES = new Set<AttachmentType>(['JPEG', 'PNG', 'TIFF']);

export const CONTENT_TYPES: Record<AttachmentType, string> = {
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  TIFF: 'image/tiff',
  DOC: DOC.contentType,
  DOCX: BY_EXTENSION.docx!.contentType,
  XLS: XLS.contentType,
  XLSX: BY_EXTENSION.xlsx!.contentType,
  PDF: 'application/pdf',
  ZIP: 'application/zip',
};

const unsuitable = (message: string) => new DomainError(422, message);

/**
 * What an uploaded file really is, from its bytes — never from its name or the client's content
 * type (spec E26, Ambiguity 25): one of the AttachmentType values, and an image must decode in full.
 * Anything else is 422.
 */
export async function sniffAttachment(bytes: Buffer): Promise<SniffedAttachment> {
  if (bytes.length === 0) throw unsuitable('the attached file is empty');
  const detected = await fileTypeFromBuffer(bytes);
  let sniffed: SniffedAttachment | undefined = detected ? BY_EXTENSION[detected.ext] : undefined;
  if (detected?.ext === 'cfb') {
    const streams = cfbStreamNames(bytes);
    sniffed = streams.has('WordDocument') ? DOC : streams.has('Workbook') || streams.has('Book') ? XLS : undefined;
  }
  if (!sniffed) {
    throw unsuitable(
      `the attached file is not one of JPEG, PNG, TIFF, DOC, DOCX, XLS, XLSX, PDF, ZIP (found ${detected?.mime ?? 'unknown content'})`,
    );
  }
  if (IMAGES.has(sniffed.type)) {
    try {
      await sharp(bytes, { failOn: 'error' }).raw().toBuffer();
    } catch {
      throw unsuitable(`the attached file is an unreadable ${sniffed.type} image`);
    }
  }
  return sniffed;
}
