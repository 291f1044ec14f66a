import { z } from 'zod';
import { dateTimeOut } from './common.js';

const id = z.number().int();
const optionalText = z.string().nullable().optional();

export const attachmentTypeSchema = z.enum(['JPEG', 'PNG', 'TIFF', 'DOC', 'DOCX', 'XLS', 'XLSX', 'PDF', 'ZIP']);
export const callStatusSchema = z.enum(['New', 'Committed', 'Done', 'Closed']);
export const callTaskStatusSchema = z.enum(['New', 'Done', 'Canceled']);

/** CallTaskAttachmentDTO (spec §4.14). */
export const callTaskAttachmentDto = z
  .object({
    id,
    name: z.string(),
    type: attachmentTypeSchema,
    downloaded: dateTimeOut,
    blobServiceFileName: z.string(),
  })
  .meta({ id: 'CallTaskAttachmentDTO' });

/** CallTaskResultDTO (spec §4.16). */
export const callTaskResultDto = z
  .object({ attachments: z.array(callTaskAttachmentDto) })
  .meta({ id: 'CallTaskResultDTO' });

/** CallTasktOutputDTO (spec §4.18; "Taskt" as in the source). `result` is null until the task is Done. */
export const callTaskOutputDto = z
  .object({ id, title: z.string(), status: callTaskStatusSchema, result: callTaskResultDto.nullable() })
  .meta({ id: 'CallTasktOutputDTO' });

/** CallJeopardyDTO (spec §4.8). */
export const callJeopardyDto = z
  .object({
    id,
    callId: id,
    comment: z.string(),
    date: dateTimeOut,
    answerComment: optionalText,
    answerDate: dateTimeOut.nullable().optional(),
    timestamp: id,
  })
  .meta({ id: 'CallJeopardyDTO' });

/** ExpenditureItemDTO (spec §4.22). */
export const expenditureItemDto = z.object({ id, name: z.string() }).meta({ id: 'ExpenditureItemDTO' });

/** CallDTO (spec §4.5). */
export const callDto = z
  .object({
    id,
    number: z.string(),
    status: callStatusSchema,
    userId: id,
    clientName: z.string(),
    contactPersonName: optionalText,
    contactPersonPhone: optionalText,
    contactPersonEmail: optionalText,
    created: dateTimeOut,
    critical: z.boolean(),
    descriptionHtmlText: z.string(),
    descriptionTextForFieldEmployee: z.string(),
    serviceObjectName: z.string(),
    serviceObjectAddress: z.string(),
    serviceObjectLatitude: z.number(),
    serviceObjectLongitude: z.number(),
    serviceObjectType: optionalText,
    comments: optionalText,
    commited: dateTimeOut.nullable(),
    finished: dateTimeOut.nullable(),
    ttf: dateTimeOut.nullable(),
    tto: dateTimeOut.nullable(),
    tasks: z.array(callTaskOutputDto),
    jeopardies: z.array(callJeopardyDto),
    availableExpenditureItems: z.array(expenditureItemDto),
    timestamp: id,
  })
  .meta({ id: 'CallDTO' });

export type CallDto = z.input<typeof callDto>;
export type CallTaskOutputDto = z.input<typeof callTaskOutputDto>;
export type CallTaskAttachmentDto = z.input<typeof callTaskAttachmentDto>;
export type CallJeopardyDto = z.input<typeof callJeopardyDto>;
