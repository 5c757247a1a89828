// 延长还款期限: balance and fees (unless waived) re-spread over more months than remain, in equal parts.
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, equalPartsHighestMinor } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

function totalMinor(c: OfferCase): number {
  return c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'extend');
}

export const extendPlan: MonthlyPlan = {
  kind: 'extend',
  termRange(c) {
    const minMonths = c.account.remainingMonths + 1;
    const maxMonths = c.policy.extend.maxTotalMonths;
    if (!isKindAllowed(c, 'extend') || totalMinor(c) === 0 || minMonths > maxMonths) return undefined;
    return { minMonths, maxMonths };
  },
  highestPaymentMinor(c, months) {
    return equalPartsHighestMinor(totalMinor(c), months);
  },
  build(c, months) {
    return makeOffer(c, {
      kind: 'extend',
      idNumber: months,
      schedule: buildSchedule(totalMinor(c), months),
      waivedMinor: waivedFeesMinor(c, 'extend'),
      conditions: [],
    });
  },
};
