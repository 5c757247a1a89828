// evaluateCounterOffer: a proposed monthly amount is accepted with the shortest plan that reaches it, or the minimum is named.
// Interest-free policy here: these tests are about which plans and terms are chosen; offerCost.demoAccounts.test.ts has the interest.
import { describe, expect, it } from 'vitest';
import { evaluateCounterOffer } from '../../../src/domain/offers/evaluateCounterOffer.js';
import {
  businessM3,
  illnessM4,
  jobLossM2,
  jobLossM2SecondTime,
  interestFreePolicy as policy,
  reducedIncomeM1,
} from './borrowers.js';

describe('evaluateCounterOffer', () => {
  it('jobLossM2 offers ¥500 a month – accepted: extend-60+waiver (3,000,000 / 60 = 50,000 exactly)', () => {
    const result = evaluateCounterOffer({ ...jobLossM2, policy, amountMinor: 50_000 });
    expect(result).toMatchObject({
      accepted: true,
      offer: { id: 'extend-60+waiver', highestPaymentMinor: 50_000, fallback: false },
    });
  });

  it('jobLossM2 offers ¥499 a month – refused, the smallest acceptable is ¥500', () => {
    expect(evaluateCounterOffer({ ...jobLossM2, policy, amountMinor: 49_999 })).toEqual({
      accepted: false,
      minimumMonthlyMinor: 50_000,
    });
  });

  it('jobLossM2SecondTime offers ¥500 – refused: without the waiver the minimum is ¥507.50', () => {
    expect(evaluateCounterOffer({ ...jobLossM2SecondTime, policy, amountMinor: 50_000 })).toEqual({
      accepted: false,
      minimumMonthlyMinor: 50_750,
    });
  });

  it('reducedIncomeM1 offers ¥1,000 – accepted with the shortest plan: installment-3+waiver', () => {
    expect(evaluateCounterOffer({ ...reducedIncomeM1, policy, amountMinor: 100_000 })).toMatchObject({
      accepted: true,
      offer: { id: 'installment-3+waiver' },
    });
  });

  it('illnessM4 offers ¥2,000 – accepted as extend-25+waiver, the shortest extension (extend before freeze at equal terms)', () => {
    const result = evaluateCounterOffer({ ...illnessM4, policy, amountMinor: 200_000 });
    expect(result).toMatchObject({ accepted: true, offer: { id: 'extend-25+waiver' } });
  });

  it('illnessM4 offers ¥1,000 – accepted as extend-50+waiver (5,000,000 / 50; extend and freeze tie, kind order decides)', () => {
    expect(evaluateCounterOffer({ ...illnessM4, policy, amountMinor: 100_000 })).toMatchObject({
      accepted: true,
      offer: { id: 'extend-50+waiver' },
    });
  });

  it('businessM3 offers a settlement-sized ¥70,000 a month – accepted as a monthly plan, never as a settlement', () => {
    const result = evaluateCounterOffer({ ...businessM3, policy, amountMinor: 7_000_000 });
    expect(result).toMatchObject({ accepted: true, offer: { kind: 'installment', id: 'installment-3+waiver' } });
  });
});
