// Random schedule specifications for property tests of buildSchedule: amounts, rates, terms, pauses and rounding
// units as wide as offers can ask for.
import fc from 'fast-check';

/** The fields of every spec: principal, rate, term, pause (frozen or accruing), fees, rounding unit (1 or 100). */
export const SCHEDULE_SPEC_FIELDS = {
  principalMinor: fc.integer({ min: 0, max: 50_000_000 }),
  rateBps: fc.integer({ min: 0, max: 3600 }),
  months: fc.integer({ min: 1, max: 360 }),
  pauseMonths: fc.integer({ min: 0, max: 6 }),
  pauseAccrues: fc.boolean(),
  feesMinor: fc.integer({ min: 0, max: 1_000_000 }),
  unitMinor: fc.constantFrom(1, 100),
};
