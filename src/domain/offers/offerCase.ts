// The facts of one case the rules need: tier, affordability, second arrangement, and which kinds policy allows.
import type { Account } from '../account.js';
import { disposableIncomeMinor, type Hardship } from '../hardship.js';
import { compareTiers, tierOf, type Tier } from '../tier.js';
import { shareOfMinor, toBasisPoints } from './basisPoints.js';
import type { OfferBasis, PlanKind } from './offer.js';
import type { OfferPolicy } from './offerPolicy.js';

export interface OfferInput {
  account: Account;
  hardship: Hardship;
  policy: OfferPolicy;
}

export interface OfferCase extends OfferInput {
  tier: Tier;
  disposableMinor: number;
  /** min(what the borrower said they can pay, floor(max(0, disposable) × ratio)). */
  affordableMinor: number;
  /** 二次协商: an arrangement was broken in the last 12 months, so the rules are stricter. */
  secondArrangement: boolean;
}

export function offerCaseOf({ account, hardship, policy }: OfferInput): OfferCase {
  const disposableMinor = disposableIncomeMinor(hardship);
  const byIncomeMinor = shareOfMinor(Math.max(0, disposableMinor), toBasisPoints(policy.affordability.ratio));
  const affordableMinor =
    hardship.statedMonthlyMinor === undefined ? byIncomeMinor : Math.min(hardship.statedMonthlyMinor, byIncomeMinor);
  return {
    account,
    hardship,
    policy,
    tier: tierOf(account.daysPastDue),
    disposableMinor,
    affordableMinor,
    secondArrangement: account.brokenArrangements12m > 0,
  };
}

export function basisOf(c: OfferCase): OfferBasis {
  return {
    tier: c.tier,
    reason: c.hardship.reason,
    duration: c.hardship.duration,
    disposableMinor: c.disposableMinor,
    affordableMinor: c.affordableMinor,
    brokenArrangements12m: c.account.brokenArrangements12m,
  };
}

/** Whether the policy allows this kind for the case (tier, reason, duration, broken arrangements); amounts aside. */
export function isKindAllowed(c: OfferCase, kind: PlanKind): boolean {
  const { policy, hardship, tier } = c;
  switch (kind) {
    case 'grace':
      return (
        policy.grace.enabled &&
        compareTiers(tier, policy.grace.maxTier) <= 0 &&
        policy.grace.durations.includes(hardship.duration) &&
        policy.grace.reasons.includes(hardship.reason) &&
        (!c.secondArrangement || policy.secondArrangement.allowGrace)
      );
    case 'installment':
      return policy.installment.enabled;
    case 'extend':
      return policy.extend.enabled;
    case 'freeze':
      return (
        policy.freeze.enabled &&
        (policy.freeze.durations.includes(hardship.duration) || compareTiers(tier, policy.freeze.minTier) >= 0)
      );
    case 'settlement':
      return policy.settlement.enabled && compareTiers(tier, policy.settlement.minTier) >= 0;
  }
}

/** The fees waived when this kind is combined with a waiver; 0 when no waiver applies. */
export function waivedFeesMinor(c: OfferCase, kind: PlanKind): number {
  const { waiver, secondArrangement } = c.policy;
  const allowed =
    waiver.enabled && waiver.combinesWith.includes(kind) && (!c.secondArrangement || secondArrangement.allowWaiver);
  return allowed ? c.account.feesMinor : 0;
}
