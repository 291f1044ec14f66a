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

/** Whether the dispatch centre may close a call in `status` (E8, Ambiguity 21: Done only). */
export function dispatcherMayClose(status: CallStatus): boolean {
  return status === 'Done';
}
