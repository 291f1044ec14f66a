import type { CallSnapshot } from '@callbridge/sync';
import type { BpmConfig } from './config.js';
import type { BpmCase } from './schemas.js';

/** The case subject carries the call number in brackets: the natural key a retried create looks up. */
export const caseKey = (callNumber: string) => `[${callNumber}]`;
export const caseSubject = (call: Pick<CallSnapshot, 'number' | 'serviceObjectName'>) =>
  `${caseKey(call.number)} ${call.serviceObjectName}`;

/** The call number a case subject carries, if any. */
export const callNumberOf = (subject: string) => /^\[([^\]]+)\]/.exec(subject)?.[1] ?? null;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Plain text of the call's HTML description (BPM's `symptoms` is plain text, digest §9.1). */
export function stripHtml(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/\s*(p|div|li|h[1-6]|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `POST case` fields of a new call (digest §4.2, §9.1). */
export function newCaseFields(call: CallSnapshot, config: BpmConfig) {
  const lines = [
    stripHtml(call.descriptionHtmlText),
    '',
    `Client: ${call.clientName}`,
    ...(call.contactPersonName ? [`Contact: ${call.contactPersonName}`] : []),
    ...(call.contactPersonPhone ? [`Phone: ${call.contactPersonPhone}`] : []),
    ...(call.contactPersonEmail ? [`E-mail: ${call.contactPersonEmail}`] : []),
    `Service object: ${call.serviceObjectName}${call.serviceObjectType ? ` (${call.serviceObjectType})` : ''}`,
    `Address: ${call.serviceObjectAddress}`,
    ...(call.descriptionTextForFieldEmployee.trim()
      ? ['', `For the field employee: ${call.descriptionTextForFieldEmployee.trim()}`]
      : []),
  ];
  return {
    subject: caseSubject(call),
    symptoms: lines.join('\n'),
    priority: call.critical ? config.priorities.critical : config.priorities.normal,
  };
}

export const STATUS = { attention: 1, solved: 2, inProgress: 3, open: 4, closed: 5, reopened: 6 } as const;

/** When the case's status last changed; now when BPM does not say. */
export const statusDate = (bpmCase: BpmCase) => {
  const date = bpmCase.statusdate ? new Date(bpmCase.statusdate) : null;
  return date && !Number.isNaN(date.getTime()) ? date : new Date();
};
