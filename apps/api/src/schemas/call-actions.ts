import { z } from 'zod';
import { callStatusSchema } from './call-dto.js';
import { dateTime, dateTimeOut } from './common.js';

/** A required text of at most `max` characters that is not only whitespace. */
const requiredText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => value.trim().length > 0, 'must not be empty');

/** PatchCallInputDTO (spec §4.28): only ttf and tto. */
export const patchCallInput = z
  .object({ ttf: dateTime.optional(), tto: dateTime.optional() })
  .strict()
  .meta({ id: 'PatchCallInputDTO' });

/** PostExternalCallMessageInputDTO (spec §4.45). */
export const externalMessageInput = z
  .object({ date: dateTime, message: requiredText(2000) })
  .meta({ id: 'PostExternalCallMessageInputDTO' });

export const externalMessageOutput = z
  .object({ id: z.number().int() })
  .meta({ id: 'PostExternalCallMessageOutputDTO' });

/** PostCallMessageInputDTO (spec §4.34). */
export const userMessageInput = z.object({ message: requiredText(2000) }).meta({ id: 'PostCallMessageInputDTO' });

/** PostCallJeopardyInputDTO (spec §4.32). */
export const jeopardyInput = z.object({ comment: requiredText(2000) }).meta({ id: 'PostCallJeopardyInputDTO' });
export const jeopardyOutput = z
  .object({ id: z.number().int(), date: dateTimeOut })
  .meta({ id: 'PostCallJeopardyOutputDTO' });

/** PostExternalCallJeopardyInputDTO (spec §4.43). */
export const jeopardyAnswerInput = z
  .object({ answerComment: requiredText(2000) })
  .meta({ id: 'PostExternalCallJeopardyInputDTO' });
export const jeopardyAnswerOutput = z
  .object({ answerDate: dateTimeOut })
  .meta({ id: 'PostExternalCallJeopardyOutputDTO' });

/** CallStatusInputDTO (spec §4.11). The empty-comment rule (code 6) is the domain's, not the schema's. */
export const callStatusInput = z
  .object({ status: callStatusSchema, comments: z.string().max(4000).optional() })
  .meta({ id: 'CallStatusInputDTO' });
export const callStatusOutput = z
  .object({ commited: dateTimeOut.nullable(), finished: dateTimeOut.nullable() })
  .meta({ id: 'PostCallStatusOutputDTO' });
