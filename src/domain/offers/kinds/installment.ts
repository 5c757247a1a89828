// 分期还款: the overdue amount (and fees unless waived) spread over n months on top of the regular payment.
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, equalPartsHighestMinor } from '../schedule.js';
import { makeOffer } from './makeOffer.js';
import type { MonthlyPlan } from './monthlyPlan.js';

function spreadMinor(c: OfferCase): number {
  return c.account.overdueMinor + c.account.feesMinor - waivedFeesMinor(c, 'installment');
}

export const installmentPlan: MonthlyPlan = {
  kind: 'installment',
  termRange(c) {
    if (!isKindAllowed(c, 'installment') || spreadMinor(c) === 0) return undefined;
    const { installment, secondArrangement } = c.policy;
    const maxMonths = c.secondArrangement ? Math.min(installment.maxMonths, secondArrangement.installmentMaxMonths) : installment.maxMonths;
    return { minMonths: installment.minMonths, maxMonths };
  },
  highestPaymentMinor(c, months) {
    const { regularMonthlyMinor, remainingMonths } = c.account;
    const spread = spreadMinor(c);
    const partMinor = Math.floor(spread / months);
    const last = equalPartsHighestMinor(spread, months) + (months <= remainingMonths ? regularMonthlyMinor : 0);
    const earlier = months > 1 ? partMinor + (remainingMonths >= 1 ? regularMonthlyMinor : 0) : 0;
    return Math.max(last, earlier);
  },
  build(c, months) {
    const { regularMonthlyMinor, remainingMonths } = c.account;
    // The regular payment continues for the months the contract still runs.
    const schedule = buildSchedule(spreadMinor(c), months).map((part) => ({
      month: part.month,
      amountMinor: part.amountMinor + (part.month <= remainingMonths ? regularMonthlyMinor : 0),
    }));
    const continues = regularMonthlyMinor > 0 && remainingMonths > 0;
    return makeOffer(c, {
      kind: 'installment',
      idNumber: months,
      schedule,
      waivedMinor: waivedFeesMinor(c, 'installment'),
      conditions: continues ? ['condition.regularPaymentContinues'] : [],
    });
  },
};
