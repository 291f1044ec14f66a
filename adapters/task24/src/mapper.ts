import type { CallProgress, CallSnapshot } from '@callbridge/sync';
import type { Task24Config } from './config.js';
import { formatLocal, parseLocal } from './local-time.js';
import type { HistoryEntry, Ticket } from './schemas.js';

/** A ticket's subject carries the call number: the natural key a retried create looks up. */
export const ticketSubject = (call: Pick<CallSnapshot, 'number' | 'serviceObjectName'>) =>
  `${call.number} ${call.serviceObjectName}`;

/** The planned execution time: the time-to-object deadline, else the time-to-fix, else creation. */
export const plannedDate = (call: Pick<CallSnapshot, 'tto' | 'ttf' | 'created'>) =>
  new Date(call.tto ?? call.ttf ?? call.created);

/** The `tickets/add` parameters of a new call (digest §7.1). */
export function newTicketFields(call: CallSnapshot, config: Task24Config): Record<string, string | number> {
  const optional = (name: string, value: string | null) => (value ? { [name]: value } : {});
  return {
    state: config.initialState,
    date: formatLocal(plannedDate(call), config.timeZone),
    priority: call.critical ? config.priorities.critical : config.priorities.normal,
    ...optional('category', config.categoryId ?? null),
    subject: ticketSubject(call),
    description: ticketDescription(call),
    name: call.clientName,
    ...optional('contact', call.contactPersonName),
    ...optional('phone', call.contactPersonPhone),
    ...(config.sendContactEmail ? optional('email', call.contactPersonEmail) : {}),
    address: call.serviceObjectAddress,
    lat: call.serviceObjectLatitude,
    lng: call.serviceObjectLongitude,
  };
}

/**
 * The call's HTML description, the field employee's text under a heading (not as a `comment` on
 * `add`: that would come back from the history as a message) and a marker line with the call number.
 */
function ticketDescription(call: CallSnapshot): string {
  const forFieldEmployee = call.descriptionTextForFieldEmployee.trim();
  return [
    call.descriptionHtmlText,
    ...(forFieldEmployee ? [`<h4>For the field employee</h4><p>${escapeHtml(forFieldEmployee)}</p>`] : []),
    `<p>CallBridge: ${escapeHtml(call.number)}</p>`,
  ].join('\n');
}

const FINAL_STATES = new Set(['completed', 'cancelled']);

export const isFinal = (state: string | null) => state !== null && FINAL_STATES.has(state);

/** What a ticket's state means for its call (digest §7.2); null: nothing to apply. */
export function callProgressOf(ticket: Ticket, timeZone: string): CallProgress | null {
  const at = (text: string | null) => (text ? parseLocal(text, timeZone) : null);
  if (ticket.state === 'processing') {
    return { status: 'Committed', at: at(ticket.acceptdate) ?? new Date() };
  }
  if (ticket.state === 'completed') {
    return {
      status: 'Done',
      at: at(ticket.enddate) ?? new Date(),
      committedAt: at(ticket.acceptdate) ?? undefined,
      comment: lastStateComment(ticket, 'completed') ?? 'Completed in task24',
    };
  }
  return null;
}

/** The text of the history entry that moved the ticket into `state`, if it said anything. */
export function lastStateComment(ticket: Ticket, state: string): string | null {
  const entries = (ticket.history ?? []).filter((entry) => entry.type === 'state' && entry.state === state);
  const text = entries.at(-1)?.text?.trim();
  return text && !/^state: /.test(text) ? text : null;
}

/** History entries that are comments: call messages from the external system. */
export const commentsOf = (ticket: Ticket): HistoryEntry[] =>
  (ticket.history ?? []).filter((entry) => entry.type !== 'state' && Boolean(entry.text?.trim()));

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
