// Property tests over random borrowers: affordability, policy limits, exact totals, determinism, counter-offer consistency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/domain/account.js';
import { HARDSHIP_REASONS, type Hardship } from '../../../src/domain/hardship.js';
import { compareTiers, tierOf } from '../../../src/domain/tier.js';
import { CONDITION_KEYS } from '../../../src/domain/offers/conditions.js';
import { computeOffers } from '../../../src/domain/offers/computeOffers.js';
import { evaluateCounterOffer } from '../../../src/domain/offers/evaluateCounterOffer.js';
import { OfferSchema, type Offer } from '../../../src/domain/offers/offer.js';
import type { OfferPolicy } from '../../../src/domain/offers/offerPolicy.js';
import { scheduleTotalMinor } from '../../../src/domain/offers/schedule.js';
import { accountWith, hardshipWith, policy } from './borrowers.js';
import { MONTHLY_PLANS } from '../../../src/domain/offers/computeOffers.js';
import { offerCaseOf } from '../../../src/domain/offers/offerCase.js';
import { planHighestMinor } from '../../../src/domain/offers/kinds/monthlyPlan.js';

const money = (max: number) => fc.integer({ min: 0, max });

const accountArb: fc.Arbitrary<Account> = fc
  .record({
    balanceMinor: money(20_000_000),
    overduePerMille: fc.integer({ min: 0, max: 1000 }),
    feesMinor: money(500_000),
    regularMonthlyMinor: money(800_000),
    remainingMonths: fc.integer({ min: 0, max: 72 }),
    daysPastDue: fc.integer({ min: 0, max: 400 }),
    brokenArrangements12m: fc.integer({ min: 0, max: 2 }),
    product: fc.constantFrom('loan' as const, 'card' as const),
  })
  .map(({ overduePerMille, ...facts }) =>
    accountWith({ ...facts, overdueMinor: Math.floor((facts.balanceMinor * overduePerMille) / 1000) }),
  );

const hardshipArb: fc.Arbitrary<Hardship> = fc
  .record({
    reason: fc.constantFrom(...HARDSHIP_REASONS),
    duration: fc.constantFrom('temporary' as const, 'longTerm' as const),
    recoveryMonths: fc.option(fc.integer({ min: 0, max: 24 }), { nil: undefined }),
    incomeMinor: money(3_000_000),
    essentialSpendingMinor: money(2_000_000),
    otherDebtPaymentsMinor: money(500_000),
    statedMonthlyMinor: fc.option(money(1_000_000), { nil: undefined }),
    lumpSumMinor: fc.option(money(20_000_000), { nil: undefined }),
  })
  .map((facts) => hardshipWith(facts));

const policyArb: fc.Arbitrary<OfferPolicy> = fc
  .record({
    jurisdiction: fc.constantFrom('CN' as const, 'US' as const, 'UK' as const),
    ratio: fc.constantFrom(0.3, 0.5, 0.7),
    maxOffersShown: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ jurisdiction, ratio, maxOffersShown }) => ({
    ...policy,
    jurisdiction,
    maxOffersShown,
    affordability: { ...policy.affordability, ratio },
  }));

const caseArb = fc.record({ account: accountArb, hardship: hardshipArb, policy: policyArb });
const RUNS = { numRuns: 300 };

function limitOf(offer: Offer, affordableMinor: number, hardship: Hardship): number {
  return offer.kind === 'settlement' ? (hardship.lumpSumMinor ?? 0) : affordableMinor;
}

/** Checks an offer against every policy limit that applies to its kind. */
function expectWithinPolicy(offer: Offer, account: Account, hardship: Hardship, p: OfferPolicy): void {
  const tier = tierOf(account.daysPastDue);
  const second = account.brokenArrangements12m > 0;
  const waivedMinor = offer.waiver?.waivedMinor ?? 0;
  const sum = (part: 'principalMinor' | 'interestMinor' | 'feesMinor' | 'regularMinor') =>
    offer.schedule.reduce((total, line) => total + line[part], 0);
  for (const line of offer.schedule)
    expect(line.principalMinor + line.interestMinor + line.feesMinor + line.regularMinor).toBe(line.amountMinor);
  expect(scheduleTotalMinor(offer.schedule) - sum('regularMinor')).toBe(offer.totalMinor);
  expect([sum('principalMinor'), sum('interestMinor'), sum('feesMinor')]).toEqual([
    offer.cost.principalMinor,
    offer.cost.interestMinor,
    offer.cost.feesMinor,
  ]);
  expect(offer.cost.principalMinor + offer.cost.interestMinor + offer.cost.feesMinor).toBe(offer.totalMinor);
  expect(
    offer.schedule.every((line) => line.interestMinor >= 0 && line.principalMinor >= 0 && line.feesMinor >= 0),
  ).toBe(true);
  expect(offer.months).toBe(offer.schedule.length);
  expect(OfferSchema.safeParse(offer).success).toBe(true);
  for (const condition of offer.conditions) expect(CONDITION_KEYS).toContain(condition);
  if (offer.waiver) {
    expect(second && !p.secondArrangement.allowWaiver).toBe(false);
    expect(p.waiver.combinesWith).toContain(offer.kind);
    expect(waivedMinor).toBe(account.feesMinor);
  }
  switch (offer.kind) {
    case 'installment':
      expect(offer.months).toBeGreaterThanOrEqual(p.installment.minMonths);
      expect(offer.months).toBeLessThanOrEqual(
        second ? p.secondArrangement.installmentMaxMonths : p.installment.maxMonths,
      );
      break;
    case 'extend':
      expect(offer.months).toBeGreaterThan(account.remainingMonths);
      expect(offer.months).toBeLessThanOrEqual(p.extend.maxTotalMonths);
      expect(offer.totalMinor - offer.cost.interestMinor).toBe(account.balanceMinor + account.feesMinor - waivedMinor);
      break;
    case 'freeze':
      expect(offer.months).toBeGreaterThanOrEqual(p.freeze.minMonths);
      expect(offer.months).toBeLessThanOrEqual(Math.min(p.freeze.maxMonths, p.jurisdiction === 'CN' ? 60 : Infinity));
      expect(p.freeze.durations.includes(hardship.duration) || compareTiers(tier, p.freeze.minTier) >= 0).toBe(true);
      expect(offer.totalMinor).toBe(account.balanceMinor + account.feesMinor - waivedMinor);
      expect(offer.cost.interestMinor).toBe(0);
      break;
    case 'grace':
      expect(offer.graceMonths).toBeGreaterThanOrEqual(p.grace.minMonths);
      expect(offer.graceMonths).toBeLessThanOrEqual(p.grace.maxMonths);
      expect(offer.months).toBeLessThanOrEqual(p.extend.maxTotalMonths);
      expect(compareTiers(tier, p.grace.maxTier)).toBeLessThanOrEqual(0);
      expect(p.grace.durations).toContain(hardship.duration);
      expect(second && !p.secondArrangement.allowGrace).toBe(false);
      break;
    case 'settlement': {
      const baseMinor = account.balanceMinor + account.feesMinor - waivedMinor;
      expect(compareTiers(tier, p.settlement.minTier)).toBeGreaterThanOrEqual(0);
      expect(offer.months).toBe(1);
      expect(baseMinor - offer.totalMinor).toBeLessThanOrEqual(Math.floor(baseMinor * p.settlement.maxDiscount));
      expect(offer.totalMinor).toBeLessThanOrEqual(hardship.lumpSumMinor ?? -1);
      break;
    }
  }
}

describe('computeOffers properties', () => {
  it('any borrower – every offer within every policy limit, totals exact, conditions known', () => {
    fc.assert(
      fc.property(caseArb, ({ account, hardship, policy: p }) => {
        const result = computeOffers({ account, hardship, policy: p });
        for (const offer of [...result.offers, ...result.alternatives]) expectWithinPolicy(offer, account, hardship, p);
      }),
      RUNS,
    );
  });

  it('any borrower – highest payment ≤ affordable (a settlement: ≤ the lump sum they have) unless fallback or a pause until a known recovery', () => {
    fc.assert(
      fc.property(caseArb, ({ account, hardship, policy: p }) => {
        const { offers, alternatives, basis, fallback } = computeOffers({ account, hardship, policy: p });
        if (fallback) {
          expect(offers.length).toBeLessThanOrEqual(Math.min(2, p.maxOffersShown));
          expect(
            offers.every(
              (offer) =>
                (offer.fallback ||
                  (offer.afterRecovery && offer.kind === 'grace' && hardship.recoveryMonths !== undefined)) &&
                offer.kind !== 'settlement',
            ),
          ).toBe(true);
          expect(alternatives).toEqual([]);
          return;
        }
        for (const offer of [...offers, ...alternatives]) {
          expect(offer.fallback).toBe(false);
          expect(offer.highestPaymentMinor).toBeLessThanOrEqual(limitOf(offer, basis.affordableMinor, hardship));
        }
      }),
      RUNS,
    );
  });

  it('any borrower – at most maxOffersShown offers, distinct kinds, none repeated in alternatives', () => {
    fc.assert(
      fc.property(caseArb, ({ account, hardship, policy: p }) => {
        const { offers, alternatives } = computeOffers({ account, hardship, policy: p });
        expect(offers.length).toBeLessThanOrEqual(p.maxOffersShown);
        expect(new Set(offers.map((offer) => offer.kind)).size).toBe(offers.length);
        const allIds = [...offers, ...alternatives].map((offer) => offer.id);
        expect(new Set(allIds).size).toBe(allIds.length);
      }),
      RUNS,
    );
  });

  it('the same input twice – deep-equal results', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        expect(computeOffers(structuredClone(input))).toEqual(computeOffers(structuredClone(input)));
      }),
      RUNS,
    );
  });
});

describe('evaluateCounterOffer properties', () => {
  it('any amount – accepted offers pay at most the amount; refusals name a minimum above it that is itself accepted (pay in full when no plan is allowed)', () => {
    fc.assert(
      fc.property(caseArb, money(2_000_000), ({ account, hardship, policy: p }, amountMinor) => {
        const result = evaluateCounterOffer({ account, hardship, policy: p, amountMinor });
        if (result.accepted) {
          expect(result.offer.highestPaymentMinor).toBeLessThanOrEqual(amountMinor);
          expect(['installment', 'extend', 'freeze']).toContain(result.offer.kind);
          expectWithinPolicy(result.offer, account, hardship, p);
          return;
        }
        const anyPlanAllowed = evaluateCounterOffer({
          account,
          hardship,
          policy: p,
          amountMinor: Number.MAX_SAFE_INTEGER,
        }).accepted;
        if (!anyPlanAllowed) {
          expect(result.minimumMonthlyMinor).toBe(account.balanceMinor + account.feesMinor);
          return;
        }
        expect(result.minimumMonthlyMinor).toBeGreaterThan(amountMinor);
        expect(
          evaluateCounterOffer({ account, hardship, policy: p, amountMinor: result.minimumMonthlyMinor }).accepted,
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('a larger amount never turns an acceptance into a refusal', () => {
    fc.assert(
      fc.property(caseArb, money(1_000_000), money(1_000_000), ({ account, hardship, policy: p }, a, extra) => {
        const low = evaluateCounterOffer({ account, hardship, policy: p, amountMinor: a });
        const high = evaluateCounterOffer({ account, hardship, policy: p, amountMinor: a + extra });
        if (low.accepted) expect(high.accepted).toBe(true);
      }),
      RUNS,
    );
  });

  it("the term search's shortcut for the highest payment equals the highest payment of the built schedule, for every term", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const c = offerCaseOf(input);
        for (const plan of MONTHLY_PLANS) {
          const range = plan.termRange(c);
          if (!range) continue;
          for (let months = range.minMonths; months <= range.maxMonths; months += 1) {
            expect(planHighestMinor(c, plan, months)).toBe(plan.build(c, months).highestPaymentMinor);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
