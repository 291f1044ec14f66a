import { describe, expect, it } from 'vitest';
import { callCostDeadline, isPastCostDeadline } from './deadline.js';

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms);

describe('call-cost deadline', () => {
  it('is the end of day D of the next month', () => {
    expect(callCostDeadline(local(2026, 3, 31, 18), 5)).toEqual(local(2026, 4, 5, 23, 59, 59, 999));
    expect(callCostDeadline(local(2026, 1, 1), 28)).toEqual(local(2026, 2, 28, 23, 59, 59, 999));
  });

  it('rolls December over into January of the next year', () => {
    expect(callCostDeadline(local(2026, 12, 15), 10)).toEqual(local(2027, 1, 10, 23, 59, 59, 999));
  });

  it('includes the whole deadline day and nothing after it', () => {
    const finished = local(2026, 11, 20);
    expect(isPastCostDeadline(finished, 5, local(2026, 12, 5, 23, 59, 59, 999))).toBe(false);
    expect(isPastCostDeadline(finished, 5, local(2026, 12, 6, 0, 0, 0, 0))).toBe(true);
  });

  it('never passes before the call is finished', () => {
    expect(isPastCostDeadline(null, 1, local(2099, 1, 1))).toBe(false);
  });
});
