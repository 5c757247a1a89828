// The named yes/no questions the flow asks: each reads the context and the event, nothing else.
import { HARDSHIP_REASONS, type InterviewField } from '../src/domain/hardship.js';
import { compareTiers, tierOf } from '../src/domain/tier.js';
import type { NegotiationContext, NegotiationEvent } from './context.js';
import type { MachineDeps } from './negotiationSetup.js';
import { counterResult } from './counterOffer.js';

type GuardArgs = { context: NegotiationContext; event: NegotiationEvent };

export function createGuards({ rules, limits }: MachineDeps) {
  return {
    hasAccount: ({ context }: GuardArgs) => context.account !== undefined,
    hasIdentityTriesLeft: ({ context }: GuardArgs) => context.identityFailures + 1 < limits.identityTries,
    isIdentityConfirmed: ({ context, event }: GuardArgs) => {
      const borrower = context.account?.borrower;
      if (!borrower || event.type !== 'date.given') return false;
      return context.idLast4Matched === true && event.date === borrower.birthDate;
    },
    isHardshipReason: ({ event }: GuardArgs) =>
      event.type === 'choice.made' && (HARDSHIP_REASONS as readonly string[]).includes(event.value),
    isChoice: ({ event }: GuardArgs, params: { value: string }) =>
      event.type === 'choice.made' && event.value === params.value,
    /** The answer was given ahead, in a message of several facts: its question is skipped. */
    isAnswered: ({ context }: GuardArgs, params: { field: InterviewField }) =>
      context.hardship[params.field] !== undefined,
    isAnsweredInSettlementTier: ({ context }: GuardArgs, params: { field: InterviewField }) =>
      context.hardship[params.field] !== undefined &&
      context.account !== undefined &&
      compareTiers(tierOf(context.account.daysPastDue), limits.settlementMinTier) >= 0,
    hasDuration: ({ context }: GuardArgs, params: { value: string }) => context.hardship.duration === params.value,
    /** The interview got as far as the income: going back from the offers or starting over has answers to revise. */
    hasInterview: ({ context }: GuardArgs) =>
      context.hardship.reason !== undefined && context.hardship.incomeMinor !== undefined,
    isSettlementTier: ({ context }: GuardArgs) =>
      context.account !== undefined && compareTiers(tierOf(context.account.daysPastDue), limits.settlementMinTier) >= 0,
    isOfferShown: ({ context, event }: GuardArgs) =>
      event.type === 'offer.accepted' && context.shownIds.includes(event.offerId),
    /** An agent's offer can be on screen before any interview (an early hand-back): then no counter-offer fits. */
    isCounterAcceptable: ({ context, event }: GuardArgs) => counterResult(rules, context, event)?.accepted === true,
    /** A plan above what the borrower can afford (shown for information, or an amount they named above it). */
    isBeyondMeans: ({ context }: GuardArgs) => {
      const offer = context.chosenOffer;
      if (!offer) return false;
      return (
        offer.fallback || (context.basis !== undefined && offer.highestPaymentMinor > context.basis.affordableMinor)
      );
    },
    hasCounterAttemptsLeft: ({ context }: GuardArgs) => context.counterAttempts + 1 < limits.counterOfferAttempts,
    hasAlternatives: ({ context }: GuardArgs) => context.offers.some((offer) => !context.shownIds.includes(offer.id)),
    isRepeatedlyMisunderstood: ({ context }: GuardArgs) => context.misunderstandings + 1 >= limits.maxMisunderstandings,
  };
}

export type GuardName = keyof ReturnType<typeof createGuards>;
