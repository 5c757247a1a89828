// evaluateCounterOffer: whether a monthly amount the borrower proposes fits an allowed plan.
import type { Offer } from './offer.js';
import { offerCaseOf, type OfferInput } from './offerCase.js';
import { KIND_ORDER } from './rankOffers.js';
import { MONTHLY_PLANS } from './computeOffers.js';
import { lowestHighestPaymentMinor, shortestWithin } from './kinds/monthlyPlan.js';

export type CounterOfferResult = { accepted: true; offer: Offer } | { accepted: false; minimumMonthlyMinor: number };

/**
 * Accepts when an allowed installment, extend or freeze term has its highest payment ≤ amountMinor:
 * the shortest such plan, ties in KIND_ORDER. The borrower's own amount is the limit here (it is
 * their proposal; UK CONC 7.3.4R: a proposal inside policy is accepted). Otherwise returns the
 * smallest highest payment any allowed term reaches — or, when no monthly plan is allowed at
 * all, balance + fees, i.e. paying in full.
 */
export function evaluateCounterOffer(input: OfferInput & { amountMinor: number }): CounterOfferResult {
  const c = offerCaseOf(input);
  const accepted = MONTHLY_PLANS.map((plan) => shortestWithin(c, plan, input.amountMinor))
    .filter((offer): offer is Offer => offer !== undefined)
    .sort((a, b) => a.months - b.months || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const best = accepted[0];
  if (best) return { accepted: true, offer: best };
  const lowestMinor = Math.min(...MONTHLY_PLANS.map((plan) => lowestHighestPaymentMinor(c, plan)));
  return {
    accepted: false,
    minimumMonthlyMinor: Number.isFinite(lowestMinor) ? lowestMinor : c.account.balanceMinor + c.account.feesMinor,
  };
}
