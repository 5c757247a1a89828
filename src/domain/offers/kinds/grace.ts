// 宽限期: pause payments until the expected recovery (policy bounds), then repay at most the regular payment a month.
import { displayUnitMinor } from '../../money.js';
import type { Offer } from '../offer.js';
import { chargeRateBps } from '../interestCharge.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule, shortestTermWithin, type ScheduleSpec } from '../schedule.js';
import { makeOffer } from './makeOffer.js';

/** The pause: min(maxMonths, recoveryMonths or maxMonths), at least minMonths. */
export function pauseMonthsOf(c: OfferCase): number {
  const { grace } = c.policy;
  return Math.max(grace.minMonths, Math.min(grace.maxMonths, c.hardship.recoveryMonths ?? grace.maxMonths));
}

/**
 * After the pause the balance and fees (unless waived) are repaid at grace.interest, in the fewest months
 * whose payments stay at or under the regular payment (due dates move back and the term grows, 延期还款);
 * interest of the pause accrues or is frozen as grace.duringPause says. The whole term, pause included,
 * stays within extend.maxTotalMonths. Affordability is the caller's: on today's figures the resumed
 * payment must fit, unless nothing fits and the hardship is temporary (see computeOffers).
 */
export function buildGrace(c: OfferCase): Offer | undefined {
  const { grace, extend } = c.policy;
  const { regularMonthlyMinor, balanceMinor, feesMinor } = c.account;
  const waivedMinor = waivedFeesMinor(c, 'grace');
  if (!isKindAllowed(c, 'grace') || regularMonthlyMinor === 0 || balanceMinor + feesMinor - waivedMinor === 0)
    return undefined;
  const pauseMonths = pauseMonthsOf(c);
  const spec = (months: number): ScheduleSpec => ({
    principalMinor: balanceMinor,
    rateBps: chargeRateBps(grace.interest, c.account),
    months,
    pauseMonths,
    pauseAccrues: grace.duringPause === 'accrue',
    feesMinor: feesMinor - waivedMinor,
    unitMinor: displayUnitMinor(c.account.currency),
  });
  // No fewer months than equal parts of the regular payment would take; interest only adds to that.
  const fewestMonths = Math.max(1, Math.ceil((balanceMinor + feesMinor - waivedMinor) / regularMonthlyMinor));
  const months = shortestTermWithin(spec, fewestMonths, extend.maxTotalMonths - pauseMonths, regularMonthlyMinor);
  if (months === undefined) return undefined;
  return makeOffer(c, {
    kind: 'grace',
    idNumber: pauseMonths,
    schedule: buildSchedule(spec(months)),
    graceMonths: pauseMonths,
    waivedMinor,
    conditions: ['condition.regularPaymentResumes'],
  });
}
