// The negotiation machine's context, events and outputs: everything a turn persists and emits.
import { z } from 'zod';
import { AccountSchema, type Account } from '../src/domain/account.js';
import { EscalationReasonSchema, PrioritySchema } from '../src/domain/case.js';
import { HardshipSchema, INTERVIEW_FIELDS } from '../src/domain/hardship.js';
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

const MinorAmount = z.number().int();
const Range = z.object({ lowMinor: MinorAmount, highMinor: MinorAmount });

/** What the borrower did (or the service learnt), as the machine receives it: each event type with its fields. */
export const NegotiationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup.found'), account: AccountSchema }),
  z.object({ type: z.literal('lookup.notFound'), identityKey: z.string() }),
  z.object({ type: z.literal('identity.locked') }),
  z.object({ type: z.literal('idLast4.given'), value: z.string() }),
  z.object({ type: z.literal('date.given'), date: z.string() }),
  z.object({ type: z.literal('date.ambiguous') }),
  z.object({ type: z.literal('choice.made'), value: z.string() }),
  z.object({ type: z.literal('amount.given'), amountMinor: MinorAmount, range: Range.optional() }),
  z.object({ type: z.literal('number.given'), value: z.number(), range: z.literal(true).optional() }),
  z.object({ type: z.literal('answer.corrected'), field: z.enum(INTERVIEW_FIELDS), value: z.number() }),
  z.object({ type: z.literal('answer.acknowledged') }),
  z.object({ type: z.literal('facts.given'), facts: z.partialRecord(z.enum(INTERVIEW_FIELDS), z.number()) }),
  z.object({ type: z.literal('answer.yes') }),
  z.object({ type: z.literal('answer.no') }),
  z.object({ type: z.literal('offer.accepted'), offerId: z.string() }),
  z.object({ type: z.literal('offer.countered'), amountMinor: MinorAmount }),
  z.object({ type: z.literal('offer.another') }),
  z.object({ type: z.literal('offer.declined') }),
  z.object({ type: z.literal('consent.given') }),
  z.object({ type: z.literal('consent.unclear') }),
  z.object({ type: z.literal('consent.hesitated') }),
  z.object({ type: z.literal('faq.asked'), topic: z.string() }),
  z.object({ type: z.literal('greeting.said') }),
  z.object({ type: z.literal('back.requested') }),
  z.object({ type: z.literal('startOver.requested') }),
  z.object({ type: z.literal('skip.refused') }),
  z.object({ type: z.literal('human.requested') }),
  z.object({ type: z.literal('dispute.raised') }),
  z.object({ type: z.literal('vulnerability.disclosed') }),
  z.object({ type: z.literal('stop.requested') }),
  z.object({ type: z.literal('explanation.requested') }),
  z.object({ type: z.literal('repeat.requested') }),
  z.object({ type: z.literal('input.unrecognized'), why: z.string() }),
  z.object({ type: z.literal('conversation.resumed') }),
]);
export type NegotiationEvent = z.infer<typeof NegotiationEventSchema>;

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
