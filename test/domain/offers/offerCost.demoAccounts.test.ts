// What each kind costs for two demo borrowers (dialogs/demo-accounts.yaml), figures worked out by hand with the formula beside them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAccounts } from '../../../src/domain/demoAccounts.js';
import { computeOffers } from '../../../src/domain/offers/computeOffers.js';
import { extendPlan } from '../../../src/domain/offers/kinds/extend.js';
import { freezePlan } from '../../../src/domain/offers/kinds/freeze.js';
import { installmentPlan } from '../../../src/domain/offers/kinds/installment.js';
import { buildGrace } from '../../../src/domain/offers/kinds/grace.js';
import { offerCaseOf } from '../../../src/domain/offers/offerCase.js';
import { hardshipWith, policy } from './borrowers.js';

const path = new URL('../../../dialogs/demo-accounts.yaml', import.meta.url).pathname;
const accounts = parseAccounts(readFileSync(path, 'utf8'), path);
const demo = (ref: string) => accounts.find((account) => account.accountRef === ref)!;

describe('reducedIncomeM1 LN-2023-0415: ¥80,000 owed at 15.40% a year, fees ¥60 (waived with a plan)', () => {
  const c = offerCaseOf({
    account: demo('LN-2023-0415'),
    hardship: hardshipWith({ reason: 'reducedIncome', duration: 'temporary', recoveryMonths: 3 }),
    policy,
  });

  it('extend 54 months – r = 15.40%/12 = 1.28333%; level 8 000 000 × r / (1 − (1 + r)⁻⁵⁴) = 206 275.32 → ¥2,062.75; interest ≈ 54 × 2 062.75 − 80 000; APR 15.40%', () => {
    const extend = extendPlan.build(c, 54);
    expect(extend.monthlyMinor).toBe(206_275);
    expect(extend.cost.interestMinor).toBe(extend.totalMinor - 8_000_000);
    expect(extend.cost.interestMinor).toBeGreaterThan(3_138_000);
    expect(extend.cost.interestMinor).toBeLessThan(3_139_000);
    expect(extend.cost).toMatchObject({ feesMinor: 0, waivedMinor: 6_000, aprBps: 1540, covers: 'balance' });
  });

  it('freeze 54 months – no interest: 8 000 000 / 54 = 148 148 a month, + 8 on the last; total ¥80,000, APR 0 — ¥31,380-odd less than the extension', () => {
    const freeze = freezePlan.build(c, 54);
    expect([freeze.monthlyMinor, freeze.schedule.at(-1)!.amountMinor, freeze.totalMinor]).toEqual([
      148_148,
      148_148 + 8,
      8_000_000,
    ]);
    expect(freeze.cost).toMatchObject({ interestMinor: 0, aprBps: 0, waivedMinor: 6_000 });
    expect(extendPlan.build(c, 54).totalMinor - freeze.totalMinor).toBeGreaterThan(3_138_000);
  });

  it('installment 3 months – the overdue ¥2,800 at 15.40%: level 280 000 × r / (1 − (1 + r)⁻³) = 95 739.07 → ¥957.39, plus the regular ¥2,800; total covers the overdue part only', () => {
    const installment = installmentPlan.build(c, 3);
    expect(installment.monthlyMinor).toBe(95_739 + 280_000);
    expect(installment.schedule.every((p) => p.regularMinor === 280_000)).toBe(true);
    expect(installment.totalMinor).toBe(280_000 + installment.cost.interestMinor);
    // Interest: 1.28333% of 280 000, of 187 854 and of 94 526 → 3 593 + 2 411 + 1 213.
    expect(installment.cost).toMatchObject({ interestMinor: 3_593 + 2_411 + 1_213, covers: 'overdue', aprBps: 1540 });
  });
});

describe('illnessM4 CC-88120034: ¥52,000 owed on a card at 18.00%, fees ¥3,600, 120 days past due', () => {
  const account = demo('CC-88120034');
  const hardship = hardshipWith({
    reason: 'illness',
    duration: 'longTerm',
    incomeMinor: 600_000,
    essentialSpendingMinor: 300_000,
    lumpSumMinor: 5_000_000,
  });
  const c = offerCaseOf({ account, hardship, policy });

  it('freeze 36 months – 5 200 000 / 36 = 144 444 a month (+16 on the last), no interest, fees ¥3,600 waived, no new card', () => {
    const freeze = freezePlan.build(c, 36);
    expect([freeze.monthlyMinor, freeze.schedule.at(-1)!.amountMinor]).toEqual([144_444, 144_444 + 16]);
    expect(freeze.cost).toMatchObject({
      principalMinor: 5_200_000,
      interestMinor: 0,
      feesMinor: 0,
      waivedMinor: 360_000,
      aprBps: 0,
    });
    expect(freeze.conditions).toContain('condition.noNewCardUntilPaid');
  });

  it('extend 36 months – 1.5% a month: level 5 200 000 × 0.015 / (1 − 1.015⁻³⁶) = 187 992.46 → ¥1,879.92; APR 18.00%', () => {
    const extend = extendPlan.build(c, 36);
    expect(extend.monthlyMinor).toBe(187_992);
    expect(extend.cost.aprBps).toBe(1800);
  });

  it('settlement – 20% off (91+ days) balance + fees: (5 200 000 + 360 000) × 0.8 = ¥44,480; ¥11,120 waived; no interest', () => {
    const settlement = computeOffers({ account, hardship, policy })
      .offers.concat(computeOffers({ account, hardship, policy }).alternatives)
      .find((offer) => offer.kind === 'settlement')!;
    expect(settlement.totalMinor).toBe(4_448_000);
    expect(settlement.cost).toMatchObject({ interestMinor: 0, waivedMinor: 1_112_000, aprBps: 0 });
  });

  it('grace – not for a long-term illness at M4 (policy: temporary, up to M2)', () => {
    expect(buildGrace(c)).toBeUndefined();
  });
});
