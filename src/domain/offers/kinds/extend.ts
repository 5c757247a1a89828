// 延长还款期限: the balance re-spread over more months than remain, at the policy's rate (contract or reduced); fees unless waived.
import { displayUnitMinor } from '../../money.js';
import { chargeRateBps } from '../interestCharge.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, type ScheduleSpec } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

function specOf(c: OfferCase, months: number): ScheduleSpec {
  return {
    principalMinor: c.account.balanceMinor,
    rateBps: chargeRateBps(c.policy.extend.interest, c.account),
    months,
    feesMinor: c.account.feesMinor - waivedFeesMinor(c, 'extend'),
    unitMinor: displayUnitMinor(c.account.currency),
  };
}

export const extendPlan: MonthlyPlan = {
  kind: 'extend',
  termRange(c) {
    const minMonths = c.account.remainingMonths + 1;
    const maxMonths = c.policy.extend.maxTotalMonths;
    const owedMinor = c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'extend');
    if (!isKindAllowed(c, 'extend') || owedMinor === 0 || minMonths > maxMonths) return undefined;
    return { minMonths, maxMonths };
  },
  scheduleSpec: specOf,
  build(c, months) {
    return makeOffer(c, {
      kind: 'extend',
      idNumber: months,
      schedule: buildSchedule(specOf(c, months)),
      waivedMinor: waivedFeesMinor(c, 'extend'),
      conditions: [],
    });
  },
};
