import { z } from 'zod';

const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null ? '' : String(value)));

/** The login answer (digest §2.1): HTTP 200 either way, `Code` 0 is success. */
export const loginAnswerSchema = z.looseObject({ Code: z.number(), Message: text });

/** The case services' envelope (digest §3): `ok`, `data`, and `error` or `error_message`. */
export const envelopeSchema = z.looseObject({
  ok: z.boolean().optional(),
  data: z.unknown().optional(),
  error: text,
  error_message: text,
});

export const messageSchema = z.looseObject({
  id: z.string(),
  createdon: text,
  text,
  direction: text,
});

/** `messages` comes as an array from `case` and as a JSON string from `cases` (digest §5.1). */
const messagesSchema = z
  .union([z.array(messageSchema), z.string(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (!value) return [];
    if (Array.isArray(value)) return value;
    const parsed = z.array(messageSchema).safeParse(JSON.parse(value));
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'messages is not a list of messages' });
      return z.NEVER;
    }
    return parsed.data;
  });

export const fileSchema = z.looseObject({ id: text, name: text, direction: text });

export const caseSchema = z.looseObject({
  number: z.string().min(1),
  subject: text,
  statuscode: z.coerce.number().int(),
  statusdate: text,
  modifiedon: text,
  solution: text,
  messages: messagesSchema,
  files: z
    .array(fileSchema)
    .nullish()
    .transform((files) => files ?? []),
});

export type BpmCase = z.output<typeof caseSchema>;
export type BpmMessage = z.output<typeof messageSchema>;
