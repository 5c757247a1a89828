// 宽限期: pause payments until the expected recovery (policy bounds), then the regular payment resumes.
import type { Offer } from '../offer.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { buildSchedule } from '../schedule.js';
import { makeOffer } from './makeOffer.js';

/**
 * The pause lasts min(maxMonths, recoveryMonths or maxMonths), at least minMonths. Afterwards the
 * balance and fees (unless waived) are repaid in equal parts of at most the regular payment (the last
 * one also takes the remainder of under one unit per month):
 * the due dates move back and the term grows (延期还款). The whole term, pause included, stays
 * within extend.maxTotalMonths. Affordability is checked like every other plan: its highest
 * payment (the resumed one) must be affordable on today's figures — the pause alone never makes a
 * plan affordable, so grace suits a borrower who can keep up the regular payment but not the arrears.
 */
export function buildGrace(c: OfferCase): Offer | undefined {
  const { grace, extend } = c.policy;
  const { regularMonthlyMinor, balanceMinor, feesMinor } = c.account;
  const waivedMinor = waivedFeesMinor(c, 'grace');
  const totalMinor = balanceMinor + feesMinor - waivedMinor;
  if (!isKindAllowed(c, 'grace') || regularMonthlyMinor === 0 || totalMinor === 0) return undefined;
  const pauseMonths = Math.max(grace.minMonths, Math.min(grace.maxMonths, c.hardship.recoveryMonths ?? grace.maxMonths));
  const payingMonths = Math.ceil(totalMinor / regularMonthlyMinor);
  if (pauseMonths + payingMonths > extend.maxTotalMonths) return undefined;
  return makeOffer(c, {
    kind: 'grace',
    idNumber: pauseMonths,
    schedule: buildSchedule(totalMinor, payingMonths, { pauseMonths }),
    graceMonths: pauseMonths,
    waivedMinor,
    conditions: ['condition.regularPaymentResumes'],
  });
}
