// The typed XState setup every guard and action of the negotiation is written against.
import { setup } from 'xstate';
import type { Account } from '../src/domain/account.js';
import type { Hardship } from '../src/domain/hardship.js';
import type { Offer, OfferBasis } from '../src/domain/offers/offer.js';
import type { Tier } from '../src/domain/tier.js';
import type { NegotiationContext, NegotiationEvent, NegotiationInput, Said } from './context.js';

export const negotiationSetup = setup({
  types: {
    context: {} as NegotiationContext,
    events: {} as NegotiationEvent,
    input: {} as NegotiationInput,
    emitted: {} as Said,
  },
});

/** The rules module as the machine sees it: pure functions over the case's facts. */
export interface OfferRules {
  compute(
    account: Account,
    hardship: Hardship,
  ): { offers: Offer[]; alternatives: Offer[]; basis: OfferBasis; fallback: boolean };
  counter(
    account: Account,
    hardship: Hardship,
    amountMinor: number,
  ): { accepted: true; offer: Offer } | { accepted: false; minimumMonthlyMinor: number };
}

/** Numbers from dialogs/offer-policy.yaml that steer the conversation. */
export interface ConversationLimits {
  identityTries: number;
  maxMisunderstandings: number;
  counterOfferAttempts: number;
  settlementMinTier: Tier;
  maxOffersShown: number;
}

export interface MachineDeps {
  rules: OfferRules;
  limits: ConversationLimits;
}
