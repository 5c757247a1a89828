// computeOffers on named borrowers: which kinds, which terms, the order, waivers, conditions, fallback.
// Interest-free policy here: these tests are about which plans and terms are chosen; offerCost.demoAccounts.test.ts has the interest.
import { describe, expect, it } from 'vitest';
import { computeOffers } from '../../../src/domain/offers/computeOffers.js';
import { OfferSchema } from '../../../src/domain/offers/offer.js';
import type { OfferPolicy } from '../../../src/domain/offers/offerPolicy.js';
import {
  businessM3,
  illnessM4,
  jobLossM2,
  jobLossM2SecondTime,
  noIncomeM2,
  interestFreePolicy as policy,
  reducedIncomeM1,
} from './borrowers.js';

const ids = (offers: { id: string }[]) => offers.map((offer) => offer.id);

describe('computeOffers', () => {
  it('reducedIncomeM1 (says ¥900 a month) – installment-3+waiver, extend-21+waiver, grace-3: all fit, ranked by what they are worth today (a pause pays latest)', () => {
    const result = computeOffers({ ...reducedIncomeM1, policy });
    expect(result.fallback).toBe(false);
    expect(result.basis).toEqual({
      tier: 'M1',
      reason: 'reducedIncome',
      duration: 'temporary',
      disposableMinor: 200_000,
      affordableMinor: 90_000,
      brokenArrangements12m: 0,
    });
    expect(ids(result.offers)).toEqual(['installment-3+waiver', 'extend-21+waiver', 'grace-3']);
    expect(ids(result.alternatives)).toEqual(['installment-12+waiver', 'extend-60+waiver']);
    for (const offer of [...result.offers, ...result.alternatives]) expect(OfferSchema.parse(offer)).toEqual(offer);
  });

  it('reducedIncomeM1 grace – 3 months paused (recovery in 6, capped at 3), then parts no larger than the regular ¥600', () => {
    const grace = computeOffers({ ...reducedIncomeM1, policy }).offers.find((offer) => offer.kind === 'grace')!;
    expect(grace.graceMonths).toBe(3);
    expect(grace.schedule.slice(0, 3).map((p) => p.amountMinor)).toEqual([0, 0, 0]);
    expect(grace.months).toBe(3 + 21);
    // floor(1 200 000 / 21) of balance + floor(3 000 / 21) of fees; the remainders go to the last payment.
    expect(grace.monthlyMinor).toBe(57_142 + 142);
    expect(grace.totalMinor).toBe(1_203_000);
    expect(grace.conditions).toEqual(['condition.regularPaymentResumes', 'condition.reviewEveryMonths']);
  });

  it('reducedIncomeM1 installment – regular ¥600 plus the overdue ¥600 in 3 parts, fees of ¥30 waived after 3 payments', () => {
    const installment = computeOffers({ ...reducedIncomeM1, policy }).offers.find(
      (offer) => offer.kind === 'installment',
    )!;
    expect(installment.schedule.map((p) => p.amountMinor)).toEqual([80_000, 80_000, 80_000]);
    expect(installment.waiver).toEqual({ waivedMinor: 3_000, afterPayments: 3 });
    expect(installment.conditions).toEqual(['condition.regularPaymentContinues', 'condition.waiverVoidedOnMiss']);
  });

  it('jobLossM2 (¥1,000 affordable, regular ¥1,500) – only extend-30+waiver fits; no grace since the resumed payment is not affordable', () => {
    const result = computeOffers({ ...jobLossM2, policy });
    expect(ids(result.offers)).toEqual(['extend-30+waiver']);
    expect(result.offers[0]!.highestPaymentMinor).toBe(100_000);
    expect(result.offers[0]!.totalMinor).toBe(3_000_000);
    expect(ids(result.alternatives)).toEqual(['extend-60+waiver']);
  });

  it('jobLossM2 with the regular payment affordable (¥1,500 stated, ample income) – grace-2 is offered for the 2 months to recovery', () => {
    const hardship = { ...jobLossM2.hardship, incomeMinor: 2_000_000, statedMonthlyMinor: 150_000 };
    const grace = computeOffers({ account: jobLossM2.account, hardship, policy }).offers.find(
      (offer) => offer.kind === 'grace',
    );
    expect(grace?.id).toBe('grace-2');
    expect(grace?.graceMonths).toBe(2);
  });

  it('jobLossM2SecondTime (an arrangement broken this year) – no waiver, no grace, instalments at most 6 months', () => {
    const generous = { ...jobLossM2SecondTime.hardship, incomeMinor: 5_000_000 };
    const result = computeOffers({ account: jobLossM2SecondTime.account, hardship: generous, policy });
    const all = [...result.offers, ...result.alternatives];
    expect(all.every((offer) => offer.waiver === undefined)).toBe(true);
    expect(all.some((offer) => offer.kind === 'grace')).toBe(false);
    expect(all.filter((offer) => offer.kind === 'installment').every((offer) => offer.months <= 6)).toBe(true);
    expect(ids(computeOffers({ ...jobLossM2SecondTime, policy }).offers)).toEqual(['extend-31']);
  });

  it('illnessM4 (long-term, card, CN) – extend-34+waiver and freeze-34+waiver; freeze says interest stops and no new card', () => {
    const result = computeOffers({ ...illnessM4, policy });
    expect(ids(result.offers)).toEqual(['extend-34+waiver', 'freeze-34+waiver']);
    expect(result.offers[1]!.conditions).toEqual([
      'condition.interestStops',
      'condition.noNewCardUntilPaid',
      'condition.waiverVoidedOnMiss',
      'condition.reviewEveryMonths',
    ]);
  });

  it('illnessM4 with ¥5,000 saved – no settlement: the lump sum (¥42,000 at 20% off) is beyond what they have', () => {
    expect(computeOffers({ ...illnessM4, policy }).offers.some((offer) => offer.kind === 'settlement')).toBe(false);
  });

  it('illnessM4 under US – freeze without the Chinese no-new-card condition', () => {
    const freeze = computeOffers({ ...illnessM4, policy: { ...policy, jurisdiction: 'US' } }).offers.find(
      (offer) => offer.kind === 'freeze',
    );
    expect(freeze?.conditions).not.toContain('condition.noNewCardUntilPaid');
  });

  it('businessM3 (75 days, ¥75,000 available) – settlement of ¥74,700 (10% off) due within 30 days first (worth most today), then extend-27+waiver', () => {
    const result = computeOffers({ ...businessM3, policy });
    expect(ids(result.offers)).toEqual(['settlement-1', 'extend-27+waiver']);
    const settlement = result.offers[0]!;
    expect(settlement.schedule.map((p) => p.amountMinor)).toEqual([7_470_000]);
    expect(settlement.cost).toMatchObject({ interestMinor: 0, aprBps: 0, waivedMinor: 830_000 });
    expect(settlement.conditions).toEqual(['condition.settlementDueWithinDays']);
  });

  it('businessM3 at 200 days past due – settlement at the 30% cap: ¥58,100', () => {
    const account = { ...businessM3.account, daysPastDue: 200 };
    expect(
      computeOffers({ account, hardship: businessM3.hardship, policy }).offers.find((o) => o.kind === 'settlement')
        ?.totalMinor,
    ).toBe(5_810_000);
  });

  it('noIncomeM2 (spending above income, temporary, recovery known) – fallback: a pause until recovery first, then the longest allowed plan extend-60+waiver marked fallback', () => {
    const result = computeOffers({ ...noIncomeM2, policy });
    expect(result.fallback).toBe(true);
    expect(result.basis.affordableMinor).toBe(0);
    expect(ids(result.offers)).toEqual(['grace-3', 'extend-60+waiver']);
    expect(result.offers[0]).toMatchObject({ fallback: false, afterRecovery: true, graceMonths: 3 });
    expect(result.offers[1]!.fallback).toBe(true);
    expect(result.alternatives).toEqual([]);
  });

  it('every kind disabled – fallback with no offers at all', () => {
    const off = <K extends 'grace' | 'extend' | 'installment' | 'freeze' | 'settlement'>(k: K) => ({
      ...policy[k],
      enabled: false,
    });
    const closed: OfferPolicy = {
      ...policy,
      grace: off('grace'),
      extend: off('extend'),
      installment: off('installment'),
      freeze: off('freeze'),
      settlement: off('settlement'),
    };
    expect(computeOffers({ ...reducedIncomeM1, policy: closed })).toMatchObject({
      offers: [],
      alternatives: [],
      fallback: true,
    });
  });

  it('maxOffersShown 1 – reducedIncomeM1 shows installment-3+waiver and keeps the rest as alternatives, best first', () => {
    const result = computeOffers({ ...reducedIncomeM1, policy: { ...policy, maxOffersShown: 1 } });
    expect(ids(result.offers)).toEqual(['installment-3+waiver']);
    expect(ids(result.alternatives)).toEqual([
      'installment-12+waiver',
      'extend-21+waiver',
      'grace-3',
      'extend-60+waiver',
    ]);
  });

  it('the same input twice – the same offers, to the last field', () => {
    expect(computeOffers({ ...businessM3, policy })).toEqual(computeOffers({ ...businessM3, policy }));
  });
});
