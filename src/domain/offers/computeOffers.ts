// computeOffers: the plans a case may be offered, best first, with the facts that led to them.
//
// The model, in integer minor units:
// - installment: the overdue amount (+ fees unless waived) spread over n months on top of the regular
//   payment, which continues while the contract runs; the schedule covers those n months.
// - extend: balance + fees (unless waived) re-spread in equal parts over n months, remainingMonths < n ≤ extend.maxTotalMonths.
// - freeze: interest and penalties stop; balance + fees (unless waived) in equal parts over n months.
// - grace: a pause, then balance + fees in equal parts of at most the regular payment, remainder last (see kinds/grace.ts).
// - settlement: a discounted lump sum of balance + fees, due within settlement.payWithinDays.
// - waiver: late fees waived on top of the kinds in waiver.combinesWith, earned by keeping the first payments.
// installment, extend and freeze take the shortest term whose highest payment ≤ the affordable amount.
import type { Offer, OfferBasis } from './offer.js';
import { basisOf, offerCaseOf, type OfferCase, type OfferInput } from './offerCase.js';
import { compareOffers, fitsAffordability, KIND_ORDER } from './rankOffers.js';
import { buildGrace } from './kinds/grace.js';
import { buildSettlement } from './kinds/settlement.js';
import { extendPlan } from './kinds/extend.js';
import { freezePlan } from './kinds/freeze.js';
import { installmentPlan } from './kinds/installment.js';
import { longestTerm, shortestWithin, type MonthlyPlan } from './kinds/monthlyPlan.js';

export type { OfferInput } from './offerCase.js';

export interface OfferSet {
  /** At most policy.maxOffersShown, one per kind, best first. */
  offers: Offer[];
  /** Other fitting plans, best first, for "another option". */
  alternatives: Offer[];
  basis: OfferBasis;
  /** True when nothing affordable was allowed: `offers` holds the longest allowed plan and the bot offers a person. */
  fallback: boolean;
}

export const MONTHLY_PLANS: readonly MonthlyPlan[] = [installmentPlan, extendPlan, freezePlan];

/** The allowed plan with the lowest highest payment (ties: the longer, then KIND_ORDER), marked as a fallback. */
function fallbackOffer(c: OfferCase): Offer | undefined {
  const candidates = [...MONTHLY_PLANS.map((plan) => longestTerm(c, plan)), buildGrace(c)].filter((offer): offer is Offer => offer !== undefined);
  candidates.sort((a, b) => a.highestPaymentMinor - b.highestPaymentMinor || b.months - a.months || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const best = candidates[0];
  return best && { ...best, fallback: true };
}

/** Pure and deterministic: the same account, hardship and policy always give the same offers. */
export function computeOffers(input: OfferInput): OfferSet {
  const c = offerCaseOf(input);
  const basis = basisOf(c);
  const primaries: Offer[] = [];
  const lowerPaymentVariants: Offer[] = [];
  for (const plan of MONTHLY_PLANS) {
    const shortest = shortestWithin(c, plan, c.affordableMinor);
    if (!shortest) continue;
    primaries.push(shortest);
    const longest = longestTerm(c, plan);
    if (longest && longest.id !== shortest.id && fitsAffordability(c, longest)) lowerPaymentVariants.push(longest);
  }
  for (const single of [buildGrace(c), buildSettlement(c)]) {
    if (single && fitsAffordability(c, single)) primaries.push(single);
  }
  if (primaries.length === 0) {
    const fallback = fallbackOffer(c);
    return { offers: fallback ? [fallback] : [], alternatives: [], basis, fallback: true };
  }
  const compare = compareOffers(c);
  const ranked = [...primaries].sort(compare);
  const shown = ranked.slice(0, c.policy.maxOffersShown);
  const alternatives = [...ranked.slice(c.policy.maxOffersShown), ...lowerPaymentVariants].sort(compare);
  return { offers: shown, alternatives, basis, fallback: false };
}
