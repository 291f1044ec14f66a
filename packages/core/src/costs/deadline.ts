/**
 * The call-cost deadline (spec §5.3, Ambiguity 23): the end of day D (callCostDeadlineDayOfMonth)
 * of the calendar month after the month the call was finished, in the server's time zone. Before
 * the call is Done there is no deadline.
 */
export function callCostDeadline(finished: Date, dayOfMonth: number): Date {
  return new Date(finished.getFullYear(), finished.getMonth() + 1, dayOfMonth, 23, 59, 59, 999);
}

/** Whether `now` is past the deadline of a call finished at `finished` (never, while it is not finished). */
export function isPastCostDeadline(finished: Date | null, dayOfMonth: number, now: Date): boolean {
  return finished !== null && now.getTime() > callCostDeadline(finished, dayOfMonth).getTime();
}
