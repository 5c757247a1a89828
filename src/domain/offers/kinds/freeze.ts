// 停息挂账 / 个性化分期: interest and penalties stop; the balance and fees (unless waived) in equal parts.
import { displayUnitMinor } from '../../money.js';
import type { ConditionKey } from '../conditions.js';
import { chargeRateBps } from '../interestCharge.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, type ScheduleSpec } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

function specOf(c: OfferCase, months: number): ScheduleSpec {
  return {
    principalMinor: c.account.balanceMinor,
    // `flows check` holds freeze.interest at none; read through the same function so the policy stays the one source.
    rateBps: chargeRateBps(c.policy.freeze.interest, c.account),
    months,
    feesMinor: c.account.feesMinor - waivedFeesMinor(c, 'freeze'),
    unitMinor: displayUnitMinor(c.account.currency),
  };
}

export const freezePlan: MonthlyPlan = {
  kind: 'freeze',
  termRange(c) {
    const owedMinor = c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'freeze');
    if (!isKindAllowed(c, 'freeze') || owedMinor === 0) return undefined;
    return { minMonths: c.policy.freeze.minMonths, maxMonths: c.policy.freeze.maxMonths };
  },
  scheduleSpec: specOf,
  build(c, months) {
    const conditions: ConditionKey[] = ['condition.interestStops'];
    // CN credit-card rules Art. 70: a personalised instalment states that no new card is applied for until paid.
    if (c.policy.jurisdiction === 'CN' && c.account.product === 'card') conditions.push('condition.noNewCardUntilPaid');
    return makeOffer(c, {
      kind: 'freeze',
      idNumber: months,
      schedule: buildSchedule(specOf(c, months)),
      waivedMinor: waivedFeesMinor(c, 'freeze'),
      conditions,
    });
  },
};
