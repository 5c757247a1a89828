// computeOffers: the plans a case may be offered, best first, with the facts that led to them.
//
// The model, in integer minor units:
// - installment: the overdue amount (+ fees unless waived) spread over n months at installment.interest, on top of
//   the regular payment, which continues while the contract runs; its total covers the overdue part only.
// - extend: the balance amortised at extend.interest over n months, remainingMonths < n ≤ extend.maxTotalMonths; fees in equal parts.
// - freeze: interest and penalties stop; balance + fees (unless waived) in equal parts over n months.
// - grace: a pause (interest accrues or not, grace.duringPause), then payments of at most the regular one (kinds/grace.ts).
// - settlement: a discounted lump sum of balance + fees, no interest, due within settlement.payWithinDays.
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
  /**
   * True when nothing affordable was allowed: `offers` holds the longest allowed plan, marked as a fallback, and the
   * bot offers a person. A temporary hardship with a known recovery gets a pause sized to it first, when policy allows one.
   */
  fallback: boolean;
}

export const MONTHLY_PLANS: readonly MonthlyPlan[] = [installmentPlan, extendPlan, freezePlan];

/** The allowed plan with the lowest highest payment (ties: the longer, then KIND_ORDER), marked as a fallback. */
function fallbackOffer(c: OfferCase): Offer | undefined {
  const candidates = [...MONTHLY_PLANS.map((plan) => longestTerm(c, plan)), buildGrace(c)].filter(
    (offer): offer is Offer => offer !== undefined,
  );
  candidates.sort(
    (a, b) =>
      a.highestPaymentMinor - b.highestPaymentMinor ||
      b.months - a.months ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  const best = candidates[0];
  return best && { ...best, fallback: true };
}

/**
 * When nothing fits today but the hardship is temporary with a known recovery: a pause until then is what the
 * borrower can do now (they pay nothing during it), so it comes before a plan beyond their means.
 */
function pauseUntilRecovery(c: OfferCase): Offer | undefined {
  if (c.hardship.duration !== 'temporary' || c.hardship.recoveryMonths === undefined) return undefined;
  const grace = buildGrace(c);
  return grace && { ...grace, afterRecovery: true };
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
    const pause = pauseUntilRecovery(c);
    const offers = [pause, fallback].filter(
      (offer): offer is Offer => offer !== undefined && !(offer.fallback && offer.id === pause?.id),
    );
    return { offers: offers.slice(0, c.policy.maxOffersShown), alternatives: [], basis, fallback: true };
  }
  const compare = compareOffers(c);
  const ranked = [...primaries].sort(compare);
  const shown = ranked.slice(0, c.policy.maxOffersShown);
  const alternatives = [...ranked.slice(c.policy.maxOffersShown), ...lowerPaymentVariants].sort(compare);
  return { offers: shown, alternatives, basis, fallback: false };
}
