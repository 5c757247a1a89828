// The named commands the flow gives: they update the context and say prompts; no I/O.
import { z } from 'zod';
import { HardshipSchema, type Hardship, type HardshipDuration, type HardshipReason } from '../src/domain/hardship.js';
import { EscalationReasonSchema, PrioritySchema } from '../src/domain/case.js';
import { accountIdentityKey } from '../src/domain/identityLock.js';
import { CARDS, EXPECTATIONS, type Ask, type NegotiationContext } from './context.js';
import { negotiationSetup, type MachineDeps } from './negotiationSetup.js';

/** Parameter schemas of the actions that take parameters; the flow loader validates against them. */
export const ACTION_PARAMS = {
  say: z
    .object({ key: z.string().min(1), choices: z.array(z.string()).optional(), card: z.enum(CARDS).optional() })
    .strict(),
  ask: z
    .object({
      key: z.string().min(1),
      expects: z.enum(EXPECTATIONS),
      choices: z.array(z.string()).optional(),
      card: z.enum(CARDS).optional(),
    })
    .strict(),
  repeatQuestion: z.object({ offerPerson: z.boolean() }).strict().optional(),
  recordAmount: z
    .object({
      field: z.enum([
        'incomeMinor',
        'essentialSpendingMinor',
        'otherDebtPaymentsMinor',
        'statedMonthlyMinor',
        'lumpSumMinor',
      ]),
    })
    .strict(),
  escalate: z.object({ reason: EscalationReasonSchema, priority: PrioritySchema }).strict(),
} as const;

/** The choice id whose button asks for a person instead of answering. */
export const PERSON_CHOICE = 'person';
const { assign, enqueueActions } = negotiationSetup;

export function createActions({ rules, limits }: MachineDeps) {
  const askAgain = (ask: Ask) => ({
    type: 'say' as const,
    key: ask.key,
    choices: ask.choices,
    expects: ask.expects,
    ...(ask.card ? { card: ask.card } : {}),
  });
  const offerChoices = (ids: string[]) => [...ids, 'another', PERSON_CHOICE];
  // A flow that does not ask about dependants (README: a product owner may drop the question) counts none.
  const hardshipOf = (context: NegotiationContext): Hardship =>
    HardshipSchema.parse({ dependants: 0, ...context.hardship });

  const present = (introKey: string, again: boolean) =>
    enqueueActions(({ context, enqueue }) => {
      const fresh = context.offers
        .filter((offer) => !context.shownIds.includes(offer.id))
        .slice(0, limits.maxOffersShown);
      // Back from the confirmation (or a hand-back), the plans that were on screen are shown again.
      const presentedIds =
        again && context.presentedIds.length > 0 ? context.presentedIds : fresh.map((offer) => offer.id);
      const ask: Ask = { key: 'offers.choose', expects: 'offer', choices: offerChoices(presentedIds) };
      enqueue.assign({
        presentedIds,
        shownIds: [...new Set([...context.shownIds, ...presentedIds])],
        lastAsk: ask,
        misunderstandings: 0,
      });
      enqueue.emit({ type: 'say', key: context.fallback ? 'offers.fallback' : introKey, card: 'offers' });
      enqueue.emit(askAgain(ask));
    });

  return {
    say: enqueueActions(({ enqueue }, params) => {
      const { key, choices, card } = ACTION_PARAMS.say.parse(params);
      enqueue.emit({ type: 'say', key, ...(choices ? { choices } : {}), ...(card ? { card } : {}) });
    }),
    ask: enqueueActions(({ context, enqueue }, params) => {
      const { key, expects, choices, card } = ACTION_PARAMS.ask.parse(params);
      const ask: Ask = {
        key,
        expects,
        choices: choices ?? (expects === 'offer' ? offerChoices(context.presentedIds) : []),
        ...(card ? { card } : {}),
      };
      enqueue.assign({ lastAsk: ask, misunderstandings: 0 });
      enqueue.emit(askAgain(ask));
    }),
    repeatQuestion: enqueueActions(({ context, enqueue }, params) => {
      if (!context.lastAsk) return;
      const offerPerson = ACTION_PARAMS.repeatQuestion.parse(params)?.offerPerson ?? false;
      const choices =
        offerPerson && !context.lastAsk.choices.includes(PERSON_CHOICE)
          ? [...context.lastAsk.choices, PERSON_CHOICE]
          : context.lastAsk.choices;
      enqueue.emit(askAgain({ ...context.lastAsk, choices }));
    }),
    answerQuestion: enqueueActions(({ event, enqueue }) => {
      if (event.type === 'faq.asked') enqueue.emit({ type: 'say', key: `faq.${event.topic}` });
    }),
    countMisunderstanding: assign({ misunderstandings: ({ context }) => context.misunderstandings + 1 }),
    recordAccount: assign(({ context, event }) =>
      event.type === 'lookup.found'
        ? { account: event.account, identityKey: accountIdentityKey(event.account.accountRef) }
        : { account: context.account },
    ),
    recordClaim: assign({
      identityKey: ({ context, event }) => (event.type === 'lookup.notFound' ? event.identityKey : context.identityKey),
    }),
    rememberIdLast4: assign({
      idLast4Matched: ({ context, event }) =>
        event.type === 'idLast4.given' &&
        context.account !== undefined &&
        event.value.toUpperCase() === context.account.borrower.idLast4.toUpperCase(),
    }),
    forgetIdentityAnswers: assign({ idLast4Matched: undefined }),
    confirmIdentity: assign({ identityVerified: true }),
    countIdentityFailure: assign({ identityFailures: ({ context }) => context.identityFailures + 1 }),
    recordReason: assign({
      hardship: ({ context, event }) =>
        event.type === 'choice.made'
          ? { ...context.hardship, reason: event.value as HardshipReason }
          : context.hardship,
    }),
    recordDuration: assign({
      hardship: ({ context, event }) =>
        event.type === 'choice.made'
          ? { ...context.hardship, duration: event.value as HardshipDuration }
          : context.hardship,
    }),
    recordRecovery: assign({
      hardship: ({ context, event }) =>
        event.type === 'number.given'
          ? { ...context.hardship, recoveryMonths: Math.min(event.value, 120) }
          : context.hardship,
    }),
    recordDependants: assign({
      hardship: ({ context, event }) => ({
        ...context.hardship,
        dependants: event.type === 'number.given' ? Math.min(event.value, 20) : 0,
      }),
    }),
    recordAmount: assign({
      hardship: ({ context, event }, params) => {
        const { field } = ACTION_PARAMS.recordAmount.parse(params);
        return { ...context.hardship, [field]: event.type === 'amount.given' ? event.amountMinor : 0 };
      },
    }),
    computeOffers: assign(({ context }) => {
      if (!context.account) return {};
      const result = rules.compute(context.account, hardshipOf(context));
      return {
        offers: [...result.offers, ...result.alternatives],
        basis: result.basis,
        fallback: result.fallback,
        presentedIds: [],
        shownIds: [],
      };
    }),
    presentOffers: present('offers.intro', true),
    presentAlternatives: present('offers.alternatives', false),
    chooseOffer: assign({
      chosenOffer: ({ context, event }) =>
        event.type === 'offer.accepted'
          ? context.offers.find((offer) => offer.id === event.offerId)
          : context.chosenOffer,
    }),
    acceptCounterOffer: assign({
      chosenOffer: ({ context, event }) => {
        if (event.type !== 'offer.countered' || !context.account) return context.chosenOffer;
        const result = rules.counter(context.account, hardshipOf(context), event.amountMinor);
        return result.accepted ? result.offer : context.chosenOffer;
      },
    }),
    rejectCounterOffer: assign(({ context, event }) => {
      if (event.type !== 'offer.countered' || !context.account) return {};
      const hardship = HardshipSchema.safeParse(context.hardship);
      if (!hardship.success) return { counterAttempts: context.counterAttempts + 1, counterMinimumMinor: undefined };
      const result = rules.counter(context.account, hardship.data, event.amountMinor);
      return {
        counterAttempts: context.counterAttempts + 1,
        counterMinimumMinor: result.accepted ? undefined : result.minimumMonthlyMinor,
      };
    }),
    escalate: assign({ escalation: (_, params) => ACTION_PARAMS.escalate.parse(params) }),
    announceEscalation: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'say', key: `escalation.${context.escalation?.reason ?? 'humanRequested'}` });
    }),
  };
}

export type ActionName = keyof ReturnType<typeof createActions>;
