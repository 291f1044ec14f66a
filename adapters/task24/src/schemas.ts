import { z } from 'zod';

/** task24 sends numbers and flags as strings or numbers, and "" or null for unset values. */
const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null || value === '' ? null : String(value)));

export const TICKET_STATES = ['opened', 'distributing', 'processing', 'completed', 'cancelled'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const envelopeSchema = z.looseObject({
  success: z.boolean(),
  data: z.unknown().optional(),
  error: text,
  errormsg: text,
  errors: z.unknown().optional(),
});

/** A history entry. Its full format is undocumented (digest §8.2): the text is read leniently. */
export const historyEntrySchema = z
  .looseObject({
    id: z.string(),
    view: text,
    owner: text,
    type: text,
    state: text,
    text: text,
    comment: text,
  })
  .transform((entry) => ({
    id: entry.id,
    at: entry.view,
    type: entry.type,
    state: entry.state,
    text: entry.text ?? entry.comment,
  }));

export type HistoryEntry = z.output<typeof historyEntrySchema>;

export const ticketSchema = z.looseObject({
  id: z.string().min(1),
  number: text,
  state: z.enum(TICKET_STATES),
  subject: text,
  date: text,
  acceptdate: text,
  enddate: text,
  history: z.array(historyEntrySchema).optional(),
});

export type Ticket = z.output<typeof ticketSchema>;
