// buildSchedule: payments split into principal, interest and fees, exact to the minor unit, remainders on the last payment.
import { describe, expect, it } from 'vitest';
import { buildSchedule, highestPaymentMinor, scheduleTotalMinor } from '../../../src/domain/offers/schedule.js';

const split = (spec: Parameters<typeof buildSchedule>[0]) =>
  buildSchedule(spec).map((p) => [p.amountMinor, p.principalMinor, p.interestMinor, p.feesMinor]);

describe('buildSchedule', () => {
  it('1000 over 3 months, no interest – 333, 333, 334 (remainder on the last payment), all principal', () => {
    expect(split({ principalMinor: 1000, rateBps: 0, months: 3 })).toEqual([
      [333, 333, 0, 0],
      [333, 333, 0, 0],
      [334, 334, 0, 0],
    ]);
  });

  it('¥1,200.00 at 12% a year over 3 months – level 40 803 (1 200 / (1 − 1.01⁻³) = 40 802.65); interest 1 200, 804, 404 on the falling balance', () => {
    // Balance 120 000 → 80 397 → 40 398; interest 1% a month of each (803.97 → 804, 403.98 → 404); the last clears 40 398 + 404.
    expect(split({ principalMinor: 120_000, rateBps: 1200, months: 3 })).toEqual([
      [40_803, 39_603, 1200, 0],
      [40_803, 39_999, 804, 0],
      [40_802, 40_398, 404, 0],
    ]);
  });

  it('fees 100 over 3 months – 33, 33, 34 on top of principal, never charged interest', () => {
    expect(split({ principalMinor: 0, rateBps: 1800, months: 3, feesMinor: 100 })).toEqual([
      [33, 0, 0, 33],
      [33, 0, 0, 33],
      [34, 0, 0, 34],
    ]);
  });

  it('1000 at 12% over 2 months after a 2-month pause, frozen – 0, 0, then 508 (level 507.51) and 507 numbered 1–4', () => {
    expect(
      buildSchedule({ principalMinor: 1000, rateBps: 1200, months: 2, pauseMonths: 2 }).map((p) => [
        p.month,
        p.amountMinor,
        p.interestMinor,
      ]),
    ).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [3, 508, 10],
      [4, 507, 5],
    ]);
  });

  it('10 000 at 12% after a 2-month pause that accrues – 100 + 100 of pause interest repaid as interest first', () => {
    const schedule = buildSchedule({
      principalMinor: 10_000,
      rateBps: 1200,
      months: 2,
      pauseMonths: 2,
      pauseAccrues: true,
    });
    expect(schedule.reduce((sum, p) => sum + p.principalMinor, 0)).toBe(10_000);
    // Repaid: 10 200 amortised at 1% a month over 2 months: interest 102 + 51, plus the 200 accrued.
    expect(schedule.reduce((sum, p) => sum + p.interestMinor, 0)).toBe(200 + 102 + 51);
    expect(schedule[2]).toMatchObject({ interestMinor: 102 + 200 });
  });

  it('a regular payment alongside for the first 2 of 3 months – added to the amount, kept apart from the plan', () => {
    expect(
      buildSchedule({ principalMinor: 300, rateBps: 0, months: 3, regularMinor: 1000, regularMonths: 2 }).map((p) => [
        p.amountMinor,
        p.regularMinor,
      ]),
    ).toEqual([
      [1100, 1000],
      [1100, 1000],
      [100, 0],
    ]);
  });

  it('TWD, unit 100 – every payment but the last in whole dollars; the last takes the rest', () => {
    const schedule = buildSchedule({
      principalMinor: 1_000_000,
      rateBps: 1500,
      months: 7,
      feesMinor: 12_345,
      unitMinor: 100,
    });
    expect(schedule.slice(0, -1).every((p) => p.amountMinor % 100 === 0)).toBe(true);
    expect(scheduleTotalMinor(schedule) - schedule.reduce((sum, p) => sum + p.interestMinor, 0)).toBe(1_012_345);
    expect(highestPaymentMinor(schedule)).toBeGreaterThan(0);
  });

  it('0 months, a fraction, a negative principal or pause – throws RangeError naming the argument', () => {
    expect(() => buildSchedule({ principalMinor: 100, rateBps: 0, months: 0 })).toThrow(/months/);
    expect(() => buildSchedule({ principalMinor: 10.5, rateBps: 0, months: 2 })).toThrow(/principalMinor/);
    expect(() => buildSchedule({ principalMinor: -1, rateBps: 0, months: 2 })).toThrow(/principalMinor/);
    expect(() => buildSchedule({ principalMinor: 100, rateBps: 0, months: 2, pauseMonths: -1 })).toThrow(/pauseMonths/);
  });
});
