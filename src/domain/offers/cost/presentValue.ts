// What a plan is worth to the creditor today: its payments discounted monthly at the policy's rate (the ranking's second key).
import type { Offer } from '../offer.js';
import type { OfferCase } from '../offerCase.js';
import { toBasisPoints } from '../basisPoints.js';

/**
 * Σ payment_m / (1 + d/12)^m over the schedule, d = ranking.discountRate. For an installment of arrears the
 * regular contract payments after the plan's last month (to the contract's end) count too: the creditor gets
 * them as well, so the plan is compared on everything the borrower will repay. Rounded to the minor unit.
 */
export function presentValueMinor(c: OfferCase, offer: Offer): number {
  const monthlyRate = toBasisPoints(c.policy.ranking.discountRate) / 120_000;
  let value = 0;
  for (const p of offer.schedule) value += p.amountMinor / (1 + monthlyRate) ** p.month;
  if (offer.cost.covers === 'overdue') {
    const { regularMonthlyMinor, remainingMonths } = c.account;
    for (let month = offer.months + 1; month <= remainingMonths; month += 1) value += regularMonthlyMinor / (1 + monthlyRate) ** month;
  }
  return Math.round(value);
}
