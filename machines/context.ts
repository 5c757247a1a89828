// The negotiation machine's context, events and outputs: everything a turn persists and emits.
import { z } from 'zod';
import { AccountSchema, type Account } from '../src/domain/account.js';
import { EscalationReasonSchema, PrioritySchema } from '../src/domain/case.js';
import { HardshipSchema, INTERVIEW_FIELDS, type InterviewField } from '../src/domain/hardship.js';
import { accountIdentityKey } from '../src/domain/identityLock.js';
import { OfferBasisSchema, OfferSchema } from '../src/domain/offers/offer.js';

export const EXPECTATIONS = [
  'lookup',
  'idLast4',
  'date',
  'choice',
  'amount',
  'number',
  'yesNo',
  'offer',
  'consent',
  'consentAsked',
] as const;
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
export const AskSchema = z.object({
  key: z.string(),
  expects: z.enum(EXPECTATIONS),
  choices: z.array(z.string()),
  card: z.enum(CARDS).optional(),
});
export type Ask = z.infer<typeof AskSchema>;

/** What the machine remembers between turns; a stored snapshot's context is parsed through this once per turn. */
export const NegotiationContextSchema = z.object({
  caseId: z.string(),
  account: AccountSchema.optional(),
  hardship: HardshipSchema.partial(),
  /** Whom identity failures are counted for across conversations: a hash of the reference or phone given (src/domain/identityLock.ts). */
  identityKey: z.string().optional(),
  identityFailures: z.number().int(),
  /** Whether the ID suffix given matched, held only between the two identity questions (the digits are never kept). */
  idLast4Matched: z.boolean().optional(),
  /** True once the borrower passed the identity check; a hand-back of an unverified case resumes at the check. Absent in snapshots stored before it existed: not verified. */
  identityVerified: z.boolean().default(false),
  misunderstandings: z.number().int(),
  /** Every offer computed for this case, ranked; `presentedIds` are the ones on screen now. */
  offers: z.array(OfferSchema),
  presentedIds: z.array(z.string()),
  shownIds: z.array(z.string()),
  basis: OfferBasisSchema.optional(),
  fallback: z.boolean(),
  chosenOffer: OfferSchema.optional(),
  counterAttempts: z.number().int(),
  counterMinimumMinor: z.number().int().optional(),
  lastAsk: AskSchema.optional(),
  escalation: z.object({ reason: EscalationReasonSchema, priority: PrioritySchema }).optional(),
  /** The interview answer last recorded or corrected (said back; a correction naming no answer corrects this one). */
  heard: z
    .object({
      field: z.enum(INTERVIEW_FIELDS),
      value: z.number(),
      /** Set by a correction: the value it replaced. */
      previous: z.number().optional(),
    })
    .optional(),
  /** Agreements the borrower cancelled in this case (a new one gets a new reference). */
  cancelledAgreements: z.number().int().default(0),
});
export type NegotiationContext = z.infer<typeof NegotiationContextSchema>;

export interface NegotiationInput {
  caseId: string;
  account?: Account;
}

export type NegotiationEvent =
  | { type: 'lookup.found'; account: Account }
  | { type: 'lookup.notFound'; identityKey: string }
  | { type: 'identity.locked' }
  | { type: 'idLast4.given'; value: string }
  | { type: 'date.given'; date: string }
  | { type: 'date.ambiguous' }
  | { type: 'choice.made'; value: string }
  | { type: 'amount.given'; amountMinor: number; range?: { lowMinor: number; highMinor: number } }
  | { type: 'number.given'; value: number; range?: true }
  | { type: 'answer.corrected'; field: InterviewField; value: number }
  | { type: 'answer.acknowledged' }
  | { type: 'facts.given'; facts: Partial<Record<InterviewField, number>> }
  | { type: 'answer.yes' }
  | { type: 'answer.no' }
  | { type: 'offer.accepted'; offerId: string }
  | { type: 'offer.countered'; amountMinor: number }
  | { type: 'offer.another' }
  | { type: 'offer.declined' }
  | { type: 'consent.given' }
  | { type: 'consent.unclear' }
  | { type: 'consent.hesitated' }
  | { type: 'faq.asked'; topic: string }
  | { type: 'greeting.said' }
  | { type: 'back.requested' }
  | { type: 'startOver.requested' }
  | { type: 'skip.refused' }
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
    identityKey: input.account ? accountIdentityKey(input.account.accountRef) : undefined,
    identityFailures: 0,
    idLast4Matched: undefined,
    identityVerified: false,
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
    cancelledAgreements: 0,
    heard: undefined,
  };
}
