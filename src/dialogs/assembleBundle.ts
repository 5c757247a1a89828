// A DialogBundle from its checked, parsed parts: the machines, offer rules, limits and figures built from them.
import { computeOffers, evaluateCounterOffer, type OfferPolicy } from '../domain/offers/index.js';
import { createNegotiationMachine } from '../../machines/negotiation.js';
import { createPlanMachine } from '../../machines/plan.js';
import type { FlowConfig } from '../../machines/flowSchema.js';
import type { ConversationLimits, OfferRules } from '../../machines/negotiationSetup.js';
import type { JobKind } from '../../machines/planSetup.js';
import type { DialogBundle } from './dialogBundle.js';

/** What the check of a dialogs/ folder parses; everything else in a bundle is built from these. */
export interface BundleParts {
  version: string;
  flow: FlowConfig;
  plan: { flow: FlowConfig; promises: Record<string, JobKind> };
  policy: OfferPolicy;
  prompts: DialogBundle['prompts'];
  lexicons: DialogBundle['lexicons'];
  canned: DialogBundle['canned'];
  faq: DialogBundle['faq'];
}

/** The one way a bundle is built, whether its parts were just checked or precompiled by the build. */
export function assembleBundle(parts: BundleParts): DialogBundle {
  const { policy } = parts;
  const rules = offerRules(policy);
  const limits = conversationLimits(policy);
  return {
    version: parts.version,
    flow: parts.flow,
    machine: createNegotiationMachine(parts.flow, { rules, limits }),
    plan: { flow: parts.plan.flow, machine: createPlanMachine(parts.plan.flow), promises: parts.plan.promises },
    policy,
    rules,
    limits,
    figures: { waiverAfterPayments: policy.waiver.afterPayments, settlementPayWithinDays: policy.settlement.payWithinDays, reviewEveryMonths: policy.review.everyMonths, cancelWithinHours: policy.agreement.cancelWithinHours },
    prompts: parts.prompts,
    lexicons: parts.lexicons,
    canned: parts.canned,
    faq: parts.faq,
  };
}

/** The parts of a bundle, the inverse of assembleBundle. */
export function partsOf(bundle: DialogBundle): BundleParts {
  const { version, flow, plan, policy, prompts, lexicons, canned, faq } = bundle;
  return { version, flow, plan: { flow: plan.flow, promises: plan.promises }, policy, prompts, lexicons, canned, faq };
}

function offerRules(policy: OfferPolicy): OfferRules {
  return {
    compute: (account, hardship) => computeOffers({ account, hardship, policy }),
    counter: (account, hardship, amountMinor) => evaluateCounterOffer({ account, hardship, policy, amountMinor }),
  };
}

function conversationLimits(policy: OfferPolicy): ConversationLimits & { reorientAfterMinutes: number } {
  return {
    identityTries: policy.conversation.identity.maxTries,
    maxMisunderstandings: policy.conversation.maxMisunderstandings,
    counterOfferAttempts: policy.counterOffers.maxAttempts,
    settlementMinTier: policy.settlement.minTier,
    maxOffersShown: policy.maxOffersShown,
    reorientAfterMinutes: policy.conversation.reorientAfterMinutes,
  };
}
