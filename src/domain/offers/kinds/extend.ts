// 延长还款期限: the balance re-spread over more months than remain, at the policy's rate (contract or reduced); fees unless waived.
import { isKindAllowed, waivedFeesMinor } from '../offerCase.js';
import { buildSchedule } from '../schedule.js';
import { balanceSpec } from './balanceSpec.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

export const extendPlan: MonthlyPlan = {
  kind: 'extend',
  termRange(c) {
    const minMonths = c.account.remainingMonths + 1;
    const maxMonths = c.policy.extend.maxTotalMonths;
    const owedMinor = c.account.balanceMinor + c.account.feesMinor - waivedFeesMinor(c, 'extend');
    if (!isKindAllowed(c, 'extend') || owedMinor === 0 || minMonths > maxMonths) return undefined;
    return { minMonths, maxMonths };
  },
  scheduleSpec: (c, months) => balanceSpec(c, 'extend', months),
  build(c, months) {
    return makeOffer(c, {
      kind: 'extend',
      idNumber: months,
      schedule: buildSchedule(balanceSpec(c, 'extend', months)),
      waivedMinor: waivedFeesMinor(c, 'extend'),
      conditions: [],
    });
  },
};
