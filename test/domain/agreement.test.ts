// Agreement calendar and reference: due dates a month apart with short months clamped; stable typeable references.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementReference, dueDates } from '../../src/domain/agreement.js';
import { buildSchedule } from '../../src/domain/offers/schedule.js';

describe('dueDates', () => {
  it('agreed 2026-11-23, 3 payments – due 2026-12-23, 2027-01-23, 2027-02-23 with the amounts kept', () => {
    expect(dueDates(buildSchedule({ principalMinor: 1000, rateBps: 0, months: 3 }), '2026-11-23')).toEqual([
      { month: 1, dueDate: '2026-12-23', amountMinor: 333 },
      { month: 2, dueDate: '2027-01-23', amountMinor: 333 },
      { month: 3, dueDate: '2027-02-23', amountMinor: 334 },
    ]);
  });

  it('agreed 2026-01-31 – due 2026-02-28, 2026-03-31, 2026-04-30 (short months clamped)', () => {
    expect(
      dueDates(buildSchedule({ principalMinor: 300, rateBps: 0, months: 3 }), '2026-01-31').map((d) => d.dueDate),
    ).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('agreed 2027-12-31 – February of the leap year 2028 is the 29th', () => {
    expect(
      dueDates(buildSchedule({ principalMinor: 200, rateBps: 0, months: 2 }), '2027-12-31').map((d) => d.dueDate),
    ).toEqual(['2028-01-31', '2028-02-29']);
  });

  it('a grace schedule – pause months get dates too, with 0 to pay', () => {
    expect(
      dueDates(buildSchedule({ principalMinor: 100, rateBps: 0, months: 1, pauseMonths: 1 }), '2026-03-15'),
    ).toEqual([
      { month: 1, dueDate: '2026-04-15', amountMinor: 0 },
      { month: 2, dueDate: '2026-05-15', amountMinor: 100 },
    ]);
  });

  it('2026-02-30 or a date with a time – throws RangeError', () => {
    expect(() => dueDates(buildSchedule({ principalMinor: 100, rateBps: 0, months: 1 }), '2026-02-30')).toThrow(
      RangeError,
    );
    expect(() =>
      dueDates(buildSchedule({ principalMinor: 100, rateBps: 0, months: 1 }), '2026-02-01T10:00:00Z'),
    ).toThrow(RangeError);
  });

  it('any day and term – every due date a valid ISO date, strictly increasing, never on a later day of the month', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 72 }), (agreedOn, months) => {
        const dates = dueDates(
          buildSchedule({ principalMinor: months * 10, rateBps: 0, months: months }),
          agreedOn,
        ).map((d) => d.dueDate);
        for (const [i, date] of dates.entries()) {
          expect(new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(date);
          expect(Number(date.slice(8))).toBeLessThanOrEqual(Number(agreedOn.slice(8)));
          if (i > 0) expect(date > dates[i - 1]!).toBe(true);
        }
      }),
    );
  });
});

describe('agreementReference', () => {
  it('case-42 agreed 2026-11-23 – XS-20261123- and six characters without I, L, O or U', () => {
    expect(agreementReference('case-42', '2026-11-23')).toMatch(/^XS-20261123-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('the same case and day twice – the same reference; another case – a different one', () => {
    expect(agreementReference('case-42', '2026-11-23')).toBe(agreementReference('case-42', '2026-11-23'));
    expect(agreementReference('case-43', '2026-11-23')).not.toBe(agreementReference('case-42', '2026-11-23'));
  });
});
