// Property tests of what a plan costs: exact splits, no negative interest, a freeze never dearer than an extension, the annualised rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleAprBps } from '../../../src/domain/offers/cost/annualRate.js';
import { extendPlan } from '../../../src/domain/offers/kinds/extend.js';
import { freezePlan } from '../../../src/domain/offers/kinds/freeze.js';
import { offerCaseOf } from '../../../src/domain/offers/offerCase.js';
import { buildSchedule } from '../../../src/domain/offers/schedule.js';
import { accountWith, hardshipWith, policy } from './borrowers.js';
import { SCHEDULE_SPEC_FIELDS } from './scheduleSpecs.js';

const specArb = fc.record(SCHEDULE_SPEC_FIELDS);

describe('schedule cost properties', () => {
  it('any schedule – each payment is principal + interest + fees; principal and fees add up to what was owed; interest never negative', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        const schedule = buildSchedule(spec);
        expect(schedule).toHaveLength(spec.months + spec.pauseMonths);
        for (const p of schedule) {
          expect(p.principalMinor + p.interestMinor + p.feesMinor + p.regularMinor).toBe(p.amountMinor);
          expect(Math.min(p.principalMinor, p.interestMinor, p.feesMinor)).toBeGreaterThanOrEqual(0);
        }
        expect(schedule.reduce((sum, p) => sum + p.principalMinor, 0)).toBe(spec.principalMinor);
        expect(schedule.reduce((sum, p) => sum + p.feesMinor, 0)).toBe(spec.feesMinor);
        if (spec.rateBps === 0) expect(schedule.every((p) => p.interestMinor === 0)).toBe(true);
      }),
    );
  });

  it('the same spec twice – the same schedule', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(buildSchedule(spec)).toEqual(buildSchedule({ ...spec }));
      }),
    );
  });

  it('a schedule without interest – annualised rate 0', () => {
    fc.assert(
      fc.property(specArb, (spec) => {
        expect(scheduleAprBps(buildSchedule({ ...spec, rateBps: 0 }))).toBe(0);
      }),
    );
  });

  it('a plain amortised loan (¥1,000 or more, 1–360 months) – annualised rate equals the contract rate to 0.01%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 50_000_000 }),
        fc.integer({ min: 1, max: 3600 }),
        fc.integer({ min: 1, max: 360 }),
        (principalMinor, rateBps, months) => {
          expect(
            Math.abs(scheduleAprBps(buildSchedule({ principalMinor, rateBps, months })) - rateBps),
          ).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('offer cost properties', () => {
  const accountArb = fc
    .record({
      balanceMinor: fc.integer({ min: 0, max: 20_000_000 }),
      feesMinor: fc.integer({ min: 0, max: 500_000 }),
      contractRateBps: fc.integer({ min: 0, max: 3600 }),
      brokenArrangements12m: fc.integer({ min: 0, max: 1 }),
      currency: fc.constantFrom('CNY', 'USD', 'TWD'),
    })
    .map((facts) =>
      accountWith({ ...facts, overdueMinor: 0, regularMonthlyMinor: 100_000, remainingMonths: 0, daysPastDue: 100 }),
    );

  it('any account and term – the freeze costs no more than the extension of the same term, and charges no interest', () => {
    fc.assert(
      fc.property(accountArb, fc.integer({ min: 1, max: 60 }), (account, months) => {
        const c = offerCaseOf({ account, hardship: hardshipWith({ reason: 'illness', duration: 'longTerm' }), policy });
        const freeze = freezePlan.build(c, months);
        const extend = extendPlan.build(c, months);
        expect(freeze.totalMinor).toBeLessThanOrEqual(extend.totalMinor);
        expect(freeze.cost.interestMinor).toBe(0);
        expect(freeze.cost.aprBps).toBe(0);
      }),
    );
  });
});
