// The negotiation machine's context, events and outputs: everything a turn persists and emits.
import type { Account } from '../src/domain/account.js';
import type { EscalationReason, Priority } from '../src/domain/case.js';
import type { Hardship } from '../src/domain/hardship.js';
import type { Offer, OfferBasis } from '../src/domain/offers/offer.js';

export const EXPECTATIONS = ['lookup', 'idLast4', 'date', 'choice', 'amount', 'number', 'yesNo', 'offer'] as const;
export type ExpectedAnswer = (typeof EXPECTATIONS)[number];
export const CARDS = ['offers', 'agreementDraft', 'agreement'] as const;
export type Card = (typeof CARDS)[number];

/** One thing the bot says: a prompt key, the buttons under it, and what it waits for. */
export interface Said {
  type: 'say';
  key: string;
  choices?: string[];
  card?: Card;
  expects?: ExpectedAnswer;
}

/** The last question asked, kept so it can be repeated and so the next message is read against it. */
export interface Ask {
  key: string;
  expects: ExpectedAnswer;
  choices: string[];
  card?: Card;
}

export interface NegotiationContext {
  caseId: string;
  account: Account | undefined;
  hardship: Partial<Hardship>;
  lookupFailures: number;
  identityFailures: number;
  /** Held only between the two identity questions, then forgotten. */
  pendingIdLast4: string | undefined;
  misunderstandings: number;
  /** Every offer computed for this case, ranked; `presentedIds` are the ones on screen now. */
  offers: Offer[];
  presentedIds: string[];
  shownIds: string[];
  basis: OfferBasis | undefined;
  fallback: boolean;
  chosenOffer: Offer | undefined;
  counterAttempts: number;
  counterMinimumMinor: number | undefined;
  lastAsk: Ask | undefined;
  escalation: { reason: EscalationReason; priority: Priority } | undefined;
}

export interface NegotiationInput {
  caseId: string;
  account?: Account;
}

export type NegotiationEvent =
  | { type: 'lookup.found'; account: Account }
  | { type: 'lookup.notFound' }
  | { type: 'idLast4.given'; value: string }
  | { type: 'date.given'; date: string }
  | { type: 'choice.made'; value: string }
  | { type: 'amount.given'; amountMinor: number }
  | { type: 'number.given'; value: number }
  | { type: 'answer.yes' }
  | { type: 'answer.no' }
  | { type: 'offer.accepted'; offerId: string }
  | { type: 'offer.countered'; amountMinor: number }
  | { type: 'offer.another' }
  | { type: 'offer.declined' }
  | { type: 'human.requested' }
  | { type: 'dispute.raised' }
  | { type: 'vulnerability.disclosed' }
  | { type: 'stop.requested' }
  | { type: 'explanation.requested' }
  | { type: 'repeat.requested' }
  | { type: 'input.unrecognized'; why: string }
  | { type: 'conversation.resumed' };

export function initialContext(input: NegotiationInput): NegotiationContext {
  return {
    caseId: input.caseId,
    account: input.account,
    hardship: {},
    lookupFailures: 0,
    identityFailures: 0,
    pendingIdLast4: undefined,
    misunderstandings: 0,
    offers: [],
    presentedIds: [],
    shownIds: [],
    basis: undefined,
    fallback: false,
    chosenOffer: undefined,
    counterAttempts: 0,
    counterMinimumMinor: undefined,
    lastAsk: undefined,
    escalation: undefined,
  };
}
