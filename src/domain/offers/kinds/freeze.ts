// 停息挂账 / 个性化分期: interest and penalties stop; balance and fees (unless waived) in equal parts.
import type { ConditionKey } from '../conditions.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, equalPartsHighestMinor } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

function totalMinor(c: OfferCase): number {
  return c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'freeze');
}

export const freezePlan: MonthlyPlan = {
  kind: 'freeze',
  termRange(c) {
    if (!isKindAllowed(c, 'freeze') || totalMinor(c) === 0) return undefined;
    return { minMonths: c.policy.freeze.minMonths, maxMonths: c.policy.freeze.maxMonths };
  },
  highestPaymentMinor(c, months) {
    return equalPartsHighestMinor(totalMinor(c), months);
  },
  build(c, months) {
    const conditions: ConditionKey[] = ['condition.interestStops'];
    // CN credit-card rules Art. 70: a personalised instalment states that no new card is applied for until paid.
    if (c.policy.jurisdiction === 'CN' && c.account.product === 'card') conditions.push('condition.noNewCardUntilPaid');
    return makeOffer(c, {
      kind: 'freeze',
      idNumber: months,
      schedule: buildSchedule(totalMinor(c), months),
      waivedMinor: waivedFeesMinor(c, 'freeze'),
      conditions,
    });
  },
};
