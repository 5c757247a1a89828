// buildSchedule: exact equal parts, remainder last, leading pause months.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSchedule, highestPaymentMinor, scheduleTotalMinor } from '../../../src/domain/offers/schedule.js';

describe('buildSchedule', () => {
  it('1000 over 3 months – 333, 333, 334 (remainder on the last payment)', () => {
    expect(buildSchedule(1000, 3)).toEqual([
      { month: 1, amountMinor: 333 },
      { month: 2, amountMinor: 333 },
      { month: 3, amountMinor: 334 },
    ]);
  });

  it('1000 over 2 months after a 2-month pause – 0, 0, 500, 500 numbered 1–4', () => {
    expect(buildSchedule(1000, 2, { pauseMonths: 2 }).map((p) => [p.month, p.amountMinor])).toEqual([[1, 0], [2, 0], [3, 500], [4, 500]]);
  });

  it('0 over 3 months – three payments of 0', () => {
    expect(buildSchedule(0, 3).map((p) => p.amountMinor)).toEqual([0, 0, 0]);
  });

  it('0 months, a fraction or a negative total – throws RangeError naming the argument', () => {
    expect(() => buildSchedule(100, 0)).toThrow(/months must be a positive integer/);
    expect(() => buildSchedule(10.5, 2)).toThrow(/totalMinor/);
    expect(() => buildSchedule(-1, 2)).toThrow(/totalMinor/);
    expect(() => buildSchedule(100, 2, { pauseMonths: -1 })).toThrow(/pauseMonths/);
  });

  it('any total, months and pause – parts sum exactly to the total, all but the last equal, the last the largest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 12 }), (totalMinor, months, pauseMonths) => {
        const schedule = buildSchedule(totalMinor, months, { pauseMonths });
        expect(schedule).toHaveLength(months + pauseMonths);
        expect(scheduleTotalMinor(schedule)).toBe(totalMinor);
        expect(schedule.map((p) => p.month)).toEqual(schedule.map((_, i) => i + 1));
        const paying = schedule.slice(pauseMonths).map((p) => p.amountMinor);
        expect(schedule.slice(0, pauseMonths).every((p) => p.amountMinor === 0)).toBe(true);
        expect(new Set(paying.slice(0, -1)).size).toBeLessThanOrEqual(1);
        expect(highestPaymentMinor(schedule)).toBe(paying.at(-1));
        expect((paying.at(-1) ?? 0) - (paying[0] ?? 0)).toBeLessThan(months);
      }),
    );
  });
});
