// 停息挂账 / 个性化分期: interest and penalties stop; the balance and fees (unless waived) in equal parts.
import type { ConditionKey } from '../conditions.js';
import { isKindAllowed, waivedFeesMinor } from '../offerCase.js';
import { buildSchedule } from '../schedule.js';
import { balanceSpec } from './balanceSpec.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

export const freezePlan: MonthlyPlan = {
  kind: 'freeze',
  termRange(c) {
    const owedMinor = c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'freeze');
    if (!isKindAllowed(c, 'freeze') || owedMinor === 0) return undefined;
    return { minMonths: c.policy.freeze.minMonths, maxMonths: c.policy.freeze.maxMonths };
  },
  scheduleSpec: (c, months) => balanceSpec(c, 'freeze', months),
  build(c, months) {
    const conditions: ConditionKey[] = ['condition.interestStops'];
    // CN credit-card rules Art. 70: a personalised instalment states that no new card is applied for until paid.
    if (c.policy.jurisdiction === 'CN' && c.account.product === 'card') conditions.push('condition.noNewCardUntilPaid');
    return makeOffer(c, {
      kind: 'freeze',
      idNumber: months,
      schedule: buildSchedule(balanceSpec(c, 'freeze', months)),
      waivedMinor: waivedFeesMinor(c, 'freeze'),
      conditions,
    });
  },
};
