// An agent's offer: computed by the rules module, optionally widened within the role's authority, never past the jurisdiction's ceilings.
import { z } from 'zod';
import type { Account } from '../domain/account.js';
import type { Hardship } from '../domain/hardship.js';
import { JURISDICTION_CEILINGS, PlanKindSchema, type Offer, type OfferPolicy } from '../domain/offers/index.js';
import { toBasisPoints } from '../domain/offers/basisPoints.js';
import { isKindAllowed, offerCaseOf } from '../domain/offers/offerCase.js';
import { buildGrace } from '../domain/offers/kinds/grace.js';
import { settlementDiscountBp, settlementOffer } from '../domain/offers/kinds/settlement.js';
import { MONTHLY_PLANS } from '../domain/offers/computeOffers.js';
import { shortestWithin } from '../domain/offers/kinds/monthlyPlan.js';
import { HttpError } from '../errors.js';

export const ProposalSchema = z.strictObject({
  kind: PlanKindSchema,
  /** The term in months (installment, extend, freeze); default: the shortest affordable term. */
  months: z.number().int().min(1).max(600).optional(),
  /** Settlement only: the discount on balance + fees, e.g. 0.3; default: the policy's step for the days past due. */
  settlementDiscount: z.number().min(0).max(0.9).optional(),
  /** Waive late fees and penalty interest; default: as the policy says for the kind. */
  waiveFees: z.boolean().optional(),
});
export type Proposal = z.infer<typeof ProposalSchema>;

export type AuthorityRole = 'agent' | 'supervisor';

/** Interview answers an early escalation never asked for; they only affect which kinds apply and affordability. */
const UNKNOWN_HARDSHIP: Hardship = {
  reason: 'other',
  duration: 'temporary',
  incomeMinor: 0,
  essentialSpendingMinor: 0,
  otherDebtPaymentsMinor: 0,
  dependants: 0,
};

/** Throws HttpError 403 (beyond the role's authority or a ceiling), 409 (the kind does not apply) or 400. */
export function proposeOffer(input: {
  account: Account;
  hardship: Partial<Hardship>;
  policy: OfferPolicy;
  role: AuthorityRole;
  proposal: Proposal;
}): Offer {
  const { account, role, proposal } = input;
  const authority = input.policy.authority[role];
  if (proposal.waiveFees && !authority.mayWaiveFees)
    throw new HttpError(
      403,
      `role ${role} may not waive fees (dialogs/offer-policy.yaml authority.${role}.mayWaiveFees)`,
    );
  const policy = withWaiver(input.policy, proposal);
  const hardship = { ...UNKNOWN_HARDSHIP, ...input.hardship };
  const base = offerCaseOf({ account, hardship, policy });
  if (proposal.kind === 'grace') {
    if (proposal.months !== undefined || proposal.settlementDiscount !== undefined)
      throw new HttpError(400, 'a grace plan takes neither months nor a discount: its pause follows the policy');
    const grace = buildGrace(base);
    if (!grace) throw new HttpError(409, 'the policy offers no grace plan for this case');
    return grace;
  }
  if (proposal.kind === 'settlement') return settlement(base, role, authority.maxSettlementDiscount, proposal);
  if (proposal.settlementDiscount !== undefined)
    throw new HttpError(400, 'settlementDiscount applies to settlement only');
  const plan = MONTHLY_PLANS.find((candidate) => candidate.kind === proposal.kind)!;
  const policyRange = plan.termRange(base);
  if (!policyRange) throw new HttpError(409, `the policy offers no ${proposal.kind} plan for this case`);
  const months =
    proposal.months ??
    (shortestWithin(base, plan, base.affordableMinor) ?? plan.build(base, policyRange.maxMonths)).months;
  if (months < policyRange.minMonths)
    throw new HttpError(400, `${proposal.kind} needs at least ${policyRange.minMonths} months`);
  const ceiling = proposal.kind === 'freeze' ? JURISDICTION_CEILINGS[policy.jurisdiction].freezeMaxMonths : undefined;
  if (ceiling !== undefined && months > ceiling)
    throw new HttpError(
      403,
      `${months} months: jurisdiction ${policy.jurisdiction} allows at most ${ceiling} months for ${proposal.kind}, whatever the role`,
    );
  const extra = months - policyRange.maxMonths;
  if (extra > authority.extraMonths) {
    throw new HttpError(
      403,
      `${months} months: the policy allows ${policyRange.maxMonths} and role ${role} may add at most ${authority.extraMonths} (authority.${role}.extraMonths)${role === 'agent' ? '; ask a supervisor' : ''}`,
    );
  }
  const widened = offerCaseOf({ account, hardship, policy: widen(policy, authority.extraMonths, ceiling) });
  return plan.build(widened, months);
}

function settlement(
  c: ReturnType<typeof offerCaseOf>,
  role: AuthorityRole,
  maxDiscount: number,
  proposal: Proposal,
): Offer {
  if (proposal.months !== undefined) throw new HttpError(400, 'a settlement is one payment: months does not apply');
  const policyBp = settlementDiscountBp(c);
  if (!isKindAllowed(c, 'settlement') || policyBp === undefined)
    throw new HttpError(
      409,
      `the policy offers no settlement for this case (tier ${c.tier}, from ${c.policy.settlement.minTier})`,
    );
  const discountBp = proposal.settlementDiscount === undefined ? policyBp : toBasisPoints(proposal.settlementDiscount);
  if (discountBp > toBasisPoints(maxDiscount)) {
    throw new HttpError(
      403,
      `a ${proposal.settlementDiscount} discount: role ${role} may give at most ${maxDiscount} (authority.${role}.maxSettlementDiscount)${role === 'agent' ? '; ask a supervisor' : ''}`,
    );
  }
  const offer = settlementOffer(c, discountBp);
  return { ...offer, id: `${offer.id}-d${discountBp}` };
}

function withWaiver(policy: OfferPolicy, proposal: Proposal): OfferPolicy {
  if (proposal.waiveFees === undefined || proposal.kind === 'settlement') return policy;
  if (!proposal.waiveFees) return { ...policy, waiver: { ...policy.waiver, enabled: false } };
  const combinesWith = policy.waiver.combinesWith.includes(proposal.kind)
    ? policy.waiver.combinesWith
    : [...policy.waiver.combinesWith, proposal.kind];
  return {
    ...policy,
    waiver: { ...policy.waiver, enabled: true, combinesWith },
    secondArrangement: { ...policy.secondArrangement, allowWaiver: true },
  };
}

function widen(policy: OfferPolicy, extraMonths: number, freezeCeiling: number | undefined): OfferPolicy {
  const freezeMax = policy.freeze.maxMonths + extraMonths;
  return {
    ...policy,
    installment: { ...policy.installment, maxMonths: policy.installment.maxMonths + extraMonths },
    secondArrangement: {
      ...policy.secondArrangement,
      installmentMaxMonths: policy.secondArrangement.installmentMaxMonths + extraMonths,
    },
    extend: { ...policy.extend, maxTotalMonths: policy.extend.maxTotalMonths + extraMonths },
    freeze: {
      ...policy.freeze,
      maxMonths: freezeCeiling === undefined ? freezeMax : Math.min(freezeMax, freezeCeiling),
    },
  };
}
