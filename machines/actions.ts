// The named commands the flow gives: they update the context and say prompts; no I/O.
import { assertEvent } from 'xstate';
import { z } from 'zod';
import {
  COUNT_CAPS,
  HardshipSchema,
  INTERVIEW_FIELDS,
  isMoneyOut,
  type Hardship,
  type HardshipDuration,
  type HardshipReason,
  type InterviewField,
} from '../src/domain/hardship.js';
import { EscalationReasonSchema, PrioritySchema } from '../src/domain/case.js';
import { accountIdentityKey } from '../src/domain/identityLock.js';
import { CARDS, EXPECTATIONS, type Ask, type NegotiationContext } from './context.js';
import { negotiationSetup, type MachineDeps } from './negotiationSetup.js';
import { repairActions } from './repairActions.js';
import { counterResult } from './counterOffer.js';

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
      /** Not asked when this answer was already given ahead (the state's `isAnswered` transition moves on). */
      unless: z.enum(INTERVIEW_FIELDS).optional(),
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
  forgetAnswers: z.object({ fields: z.array(z.enum(INTERVIEW_FIELDS)).min(1) }).strict(),
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
      const { key, expects, choices, card, unless } = ACTION_PARAMS.ask.parse(params);
      if (unless && context.hardship[unless] !== undefined) return;
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
      hardship: ({ context, event }) => {
        assertEvent(event, 'choice.made');
        return { ...context.hardship, reason: event.value as HardshipReason };
      },
    }),
    recordDuration: assign({
      hardship: ({ context, event }) => {
        assertEvent(event, 'choice.made');
        return { ...context.hardship, duration: event.value as HardshipDuration };
      },
    }),
    recordRecovery: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'number.given') return;
      const value = Math.min(event.value, COUNT_CAPS.recoveryMonths);
      enqueue.assign({
        hardship: { ...context.hardship, recoveryMonths: value },
        heard: { field: 'recoveryMonths', value },
      });
      enqueue.emit({ type: 'say', key: event.range ? 'readBack.rangeRecoveryMonths' : 'readBack.recoveryMonths' });
    }),
    recordDependants: enqueueActions(({ context, event, enqueue }) => {
      assertEvent(event, ['number.given', 'choice.made']);
      const value = event.type === 'number.given' ? Math.min(event.value, COUNT_CAPS.dependants) : 0;
      enqueue.assign({ hardship: { ...context.hardship, dependants: value }, heard: { field: 'dependants', value } });
      const range = event.type === 'number.given' && event.range;
      enqueue.emit({ type: 'say', key: range ? 'readBack.rangeDependants' : 'readBack.dependants' });
    }),
    /**
     * Records an interview amount and says it back ("收到：月收入 ¥5,000。") so a mis-read is corrected at once.
     * A range ("三四千") is kept at its conservative end — the low one for money coming in, the high one for money
     * going out — and said back as a question ("按 ¥3,000 计算，对吗？").
     */
    recordAmount: enqueueActions(({ context, event, enqueue }, params) => {
      const { field } = ACTION_PARAMS.recordAmount.parse(params);
      // The flow records a choice here only for "none" (its guard says so): nothing else becomes 0.
      assertEvent(event, ['amount.given', 'choice.made']);
      const range = event.type === 'amount.given' ? event.range : undefined;
      const value =
        event.type !== 'amount.given'
          ? 0
          : range
            ? isMoneyOut(field)
              ? range.highMinor
              : range.lowMinor
            : event.amountMinor;
      enqueue.assign({ hardship: { ...context.hardship, [field]: value }, heard: { field, value } });
      // "None" is said back too ("收到：月收入 ¥0.00"): a "没收入，老婆每月给两千" read as none can be corrected at once.
      enqueue.emit({ type: 'say', key: range ? 'readBack.rangeAmount' : `readBack.${field}` });
    }),
    /** Answers given ahead ("…每月只有两千失业金，房租一千五"): recorded and each said back; their questions are skipped. */
    recordFacts: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'facts.given') return;
      const hardship = { ...context.hardship };
      let heard = context.heard;
      for (const [field, given] of Object.entries(event.facts) as Array<[InterviewField, number]>) {
        if (hardship[field] !== undefined) continue;
        const value = field in COUNT_CAPS ? Math.min(given, COUNT_CAPS[field as keyof typeof COUNT_CAPS]) : given;
        hardship[field] = value;
        heard = { field, value };
        enqueue.emit({ type: 'say', key: `readBack.${field}` });
      }
      enqueue.assign({ hardship, heard });
    }),
    /** "刚才说错了，收入是六千": the answer named (or the last one) changes, and the bot says from what to what. */
    applyCorrection: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'answer.corrected') return;
      const { field } = event;
      const value =
        field in COUNT_CAPS ? Math.min(event.value, COUNT_CAPS[field as keyof typeof COUNT_CAPS]) : event.value;
      const previous = context.hardship[field];
      enqueue.assign({
        hardship: { ...context.hardship, [field]: value },
        heard: { field, value, ...(previous !== undefined ? { previous } : {}) },
        chosenOffer: undefined,
      });
      enqueue.emit({ type: 'say', key: 'corrected.changed' });
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
        const result = counterResult(rules, context, event);
        return result?.accepted ? result.offer : context.chosenOffer;
      },
    }),
    rejectCounterOffer: assign(({ context, event }) => {
      if (event.type !== 'offer.countered') return {};
      const result = counterResult(rules, context, event);
      return {
        counterAttempts: context.counterAttempts + 1,
        counterMinimumMinor: result && !result.accepted ? result.minimumMonthlyMinor : undefined,
      };
    }),
    escalate: assign({ escalation: (_, params) => ACTION_PARAMS.escalate.parse(params) }),
    ...repairActions(ACTION_PARAMS.forgetAnswers),
    announceEscalation: enqueueActions(({ context, enqueue }) => {
      enqueue.emit({ type: 'say', key: `escalation.${context.escalation?.reason ?? 'humanRequested'}` });
    }),
  };
}

export type ActionName = keyof ReturnType<typeof createActions>;
