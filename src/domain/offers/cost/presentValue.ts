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
  const step = 1 / (1 + toBasisPoints(c.policy.ranking.discountRate) / 120_000);
  let value = 0;
  let discount = 1;
  let month = 0;
  for (const p of offer.schedule) {
    for (; month < p.month; month += 1) discount *= step;
    value += p.amountMinor * discount;
  }
  if (offer.cost.covers === 'overdue') {
    for (; month < c.account.remainingMonths;) {
      month += 1;
      discount *= step;
      value += c.account.regularMonthlyMinor * discount;
    }
  }
  return Math.round(value);
}
