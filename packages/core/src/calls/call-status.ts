import type { CallStatus } from '@callbridge/db';

/**
 * The call lifecycle (spec §5.1): New → Committed → Done by the contractor (E12) or the field
 * employee (E34, Committed → Done), Done → Closed by the dispatch centre (E8). Nothing else.
 */
const CONTRACTOR_TRANSITIONS: Partial<Record<CallStatus, CallStatus>> = {
  New: 'Committed',
  Committed: 'Done',
};

/** Whether the contractor may move a call from `from` to `to` (E12; Closed belongs to E8). */
export function contractorMayMove(from: CallStatus, to: CallStatus): boolean {
  return CONTRACTOR_TRANSITIONS[from] === to;
}

/**
 * The contractor's steps from `from` to `to` (`New → Done` is `[Committed, Done]`); null when `to`
 * is not ahead of `from` on the contractor's path (already there, behind it, or Closed).
 */
export function contractorPath(from: CallStatus, to: CallStatus): CallStatus[] | null {
  const steps: CallStatus[] = [];
  for (let at = CONTRACTOR_TRANSITIONS[from]; at; at = CONTRACTOR_TRANSITIONS[at]) {
    steps.push(at);
    if (at === to) return steps;
  }
  return null;
}

/** Whether the dispatch centre may close a call in `status` (E8, Ambiguity 21: Done only). */
export function dispatcherMayClose(status: CallStatus): boolean {
  return status === 'Done';
}
