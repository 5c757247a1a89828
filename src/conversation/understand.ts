// Turns what the borrower sent into machine events: recognition plus the account lookup.
import type { Ask, NegotiationEvent } from '../../machines/context.js';
import { LOCALES, type Locale } from '../domain/account.js';
import type { TurnAccounts } from './turnAccounts.js';
import { claimedIdentityKey } from '../domain/identityLock.js';
import { recognize, type Expectation, type Understood } from './recognize/recognize.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { choiceLabel } from './render/renderReplies.js';
import type { NegotiationContext } from '../../machines/context.js';
import { INTERVIEW_FIELDS, type InterviewField } from '../domain/hardship.js';
import type { InterviewAnswers } from './recognize/correction.js';
import { factsAhead } from './recognize/facts.js';
import { normalizeText } from './recognize/normalize.js';
import { lexiconsInOrder } from '../dialogs/lexicon.js';

export type Understanding =
  { kind: 'events'; events: NegotiationEvent[]; understood: Understood } | { kind: 'locale'; locale: Locale };

export interface UnderstandInput {
  text: string | undefined;
  value: unknown;
  context: NegotiationContext | undefined;
  locale: Locale;
  bundle: DialogBundle;
  accounts: Pick<TurnAccounts, 'find'>;
}

/** Buttons that stand for an intent rather than an answer. */
const BUTTON_INTENTS: Record<string, NegotiationEvent> = {
  person: { type: 'human.requested' },
  another: { type: 'offer.another' },
};

export function expectationOf(ask: Ask | undefined, context: NegotiationContext | undefined): Expectation {
  if (!ask) return { kind: 'none' };
  if (ask.expects === 'offer') return { kind: 'offer', offerIds: context?.presentedIds ?? [] };
  if (ask.expects === 'consent' || ask.expects === 'consentAsked')
    return { kind: 'consent', offerIds: context?.presentedIds ?? [], asked: ask.expects === 'consentAsked' };
  if (ask.expects === 'choice') return { kind: 'choice', choices: ask.choices };
  return { kind: ask.expects };
}

/** The interview question (prompt key of dialogs/negotiation.flow.yaml) → the answer it records. */
const FIELD_ASKED: Readonly<Record<string, InterviewField>> = {
  'interview.askRecovery': 'recoveryMonths',
  'interview.askIncome': 'incomeMinor',
  'interview.askSpending': 'essentialSpendingMinor',
  'interview.askOtherDebts': 'otherDebtPaymentsMinor',
  'interview.askDependants': 'dependants',
  'interview.askStatedMonthly': 'statedMonthlyMinor',
  'interview.askLumpSum': 'lumpSumMinor',
};

export function interviewAnswers(context: NegotiationContext | undefined): InterviewAnswers | undefined {
  if (!context?.identityVerified) return undefined;
  const answered: InterviewAnswers['answered'] = {};
  for (const field of INTERVIEW_FIELDS) {
    const value = context.hardship[field];
    if (value !== undefined) answered[field] = value;
  }
  const pending = context.lastAsk ? FIELD_ASKED[context.lastAsk.key] : undefined;
  return {
    answered,
    ...(context.heard ? { last: context.heard.field } : {}),
    ...(pending ? { pending } : {}),
  };
}

export function understand(input: UnderstandInput): Understanding {
  const { context, bundle, locale } = input;
  const ask = context?.lastAsk;
  const prompts = bundle.prompts[locale];
  const choiceLabels: Record<string, string[]> = {};
  if (context) for (const id of ask?.choices ?? []) choiceLabels[id] = [choiceLabel(id, { context, prompts })];
  const answers = interviewAnswers(context);
  const expects = expectationOf(ask, context);
  const understood = recognize({
    text: input.text,
    value: input.value,
    expects,
    locale,
    currency: currency(context),
    lexicons: bundle.lexicons,
    choiceLabels,
    faqs: [locale, ...LOCALES.filter((other) => other !== locale)].map((other) => bundle.faq[other] ?? []),
    answers,
  });
  // "我失业了，每月只有两千失业金，房租一千五": the answers ahead are recorded first, so their questions are skipped.
  const facts =
    answers && input.text && INTERVIEW_KINDS.has(expects.kind) && ANSWERS_WITH_FACTS.has(understood.type)
      ? factsAhead(normalizeText(input.text), answers, lexiconsInOrder(bundle.lexicons, locale), currency(context))
      : {};
  if (Object.keys(facts).length === 0) return eventsOf(understood, input, ask);
  // Facts alone, to a question they do not answer: recorded, and the question asked again (not "did not understand").
  const primary = understood.type === 'input.unrecognized' ? { type: 'answer.acknowledged' as const } : understood;
  const result = eventsOf(primary, input, ask);
  return result.kind === 'events' ? { ...result, events: [{ type: 'facts.given', facts }, ...result.events] } : result;
}

const INTERVIEW_KINDS: ReadonlySet<Expectation['kind']> = new Set(['amount', 'number', 'choice']);
const ANSWERS_WITH_FACTS: ReadonlySet<Understood['type']> = new Set([
  'choice.made',
  'amount.given',
  'number.given',
  'answer.acknowledged',
  'input.unrecognized',
]);
const currency = (context: NegotiationContext | undefined) => context?.account?.currency ?? 'CNY';

function eventsOf(understood: Understood, input: UnderstandInput, ask: Ask | undefined): Understanding {
  switch (understood.type) {
    case 'locale.switched':
      return { kind: 'locale', locale: understood.locale };
    case 'lookup.given': {
      const claim = {
        ...(understood.accountRef ? { accountRef: understood.accountRef } : {}),
        ...(understood.phone ? { phone: understood.phone } : {}),
      };
      const account = input.accounts.find(claim);
      return {
        kind: 'events',
        understood,
        events: [
          account
            ? { type: 'lookup.found', account }
            : { type: 'lookup.notFound', identityKey: claimedIdentityKey(claim) },
        ],
      };
    }
    case 'choice.made': {
      // The confirm button is the one act besides an agree phrase that signs (any other choice there is not consent).
      const consent = understood.value === 'agree' && (ask?.expects === 'consent' || ask?.expects === 'consentAsked');
      const event: NegotiationEvent = consent
        ? { type: 'consent.given' }
        : (BUTTON_INTENTS[understood.value] ?? understood);
      return { kind: 'events', understood, events: [event] };
    }
    default:
      return { kind: 'events', understood, events: [understood as NegotiationEvent] };
  }
}
