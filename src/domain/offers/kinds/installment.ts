// 分期还款: the overdue amount (and fees unless waived) spread over n months at the policy's rate, on top of the regular payment.
import { displayUnitMinor } from '../../money.js';
import { chargeRateBps } from '../interestCharge.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, type ScheduleSpec } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

/** The plan covers the overdue part only; the regular payment continues for the months the contract still runs. */
function specOf(c: OfferCase, months: number): ScheduleSpec {
  return {
    principalMinor: c.account.overdueMinor,
    rateBps: chargeRateBps(c.policy.installment.interest, c.account),
    months,
    feesMinor: c.account.feesMinor - waivedFeesMinor(c, 'installment'),
    regularMinor: c.account.regularMonthlyMinor,
    regularMonths: c.account.remainingMonths,
    unitMinor: displayUnitMinor(c.account.currency),
  };
}

export const installmentPlan: MonthlyPlan = {
  kind: 'installment',
  termRange(c) {
    const spreadMinor = c.account.overdueMinor + c.account.feesMinor - waivedFeesMinor(c, 'installment');
    if (!isKindAllowed(c, 'installment') || spreadMinor === 0) return undefined;
    const { installment, secondArrangement } = c.policy;
    const maxMonths = c.secondArrangement
      ? Math.min(installment.maxMonths, secondArrangement.installmentMaxMonths)
      : installment.maxMonths;
    return { minMonths: installment.minMonths, maxMonths };
  },
  scheduleSpec: specOf,
  build(c, months) {
    const continues = c.account.regularMonthlyMinor > 0 && c.account.remainingMonths > 0;
    return makeOffer(c, {
      kind: 'installment',
      idNumber: months,
      schedule: buildSchedule(specOf(c, months)),
      waivedMinor: waivedFeesMinor(c, 'installment'),
      covers: 'overdue',
      conditions: continues ? ['condition.regularPaymentContinues'] : [],
    });
  },
};
