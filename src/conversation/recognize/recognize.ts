// The one entry point from a borrower's message or button press to what the conversation understood.
import { z } from 'zod';
import { LocaleSchema, type Locale } from '../../domain/account.js';
import { toMinor } from '../../domain/money.js';
import { lexiconsInOrder, type Lexicon } from '../../dialogs/lexicon.js';
import { firstIntentSaid, isWholePhrase, longestPhrase } from '../../dialogs/lexiconIndex.js';
import { MAX_INPUT_CHARS, normalizeLabel, normalizeText, wholeForm } from './normalize.js';
import { parseAmountMajor, parseCount, parsePick, parseRange } from './parseAmount.js';
import { readBirthDate } from './parseDate.js';
import { parseMonths } from './parseMonths.js';
import { findQuestion, type FaqEntry } from '../../dialogs/faq.js';
import type { InterviewField } from '../../domain/hardship.js';
import { findCorrection, withoutWithdrawn, type InterviewAnswers } from './correction.js';
import { clauseNaming, namesOnlyAnotherAnswer, partsAnswering } from './facts.js';
import { consentAnswer, offerAnswer, yesOrNo } from './offerAnswers.js';
import { idLast4, lookup } from './identityAnswers.js';
import { repairRequest } from './repairIntents.js';

export type Expectation =
  | { kind: 'none' }
  | { kind: 'text' }
  | { kind: 'yesNo' }
  | { kind: 'amount' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'idLast4' } // last four characters of a national ID number: 4 digits or 3 digits + X
  | { kind: 'lookup' } // an account reference (e.g. LN-2024-0001, CC-88120034) or a phone number
  | { kind: 'choice'; choices: string[] }
  | { kind: 'offer'; offerIds: string[] } // negotiating: accept one of the offers shown, counter, another, decline
  /** 书面确认: only an explicit act agrees; `asked` once the bot asked "do you confirm signing?" outright. */
  | { kind: 'consent'; offerIds: string[]; asked: boolean };

export type Understood =
  | { type: 'human.requested' }
  | { type: 'dispute.raised' }
  | { type: 'vulnerability.disclosed' }
  | { type: 'stop.requested' }
  | { type: 'explanation.requested' }
  | { type: 'repeat.requested' }
  | { type: 'locale.switched'; locale: Locale }
  | { type: 'answer.yes' }
  | { type: 'answer.no' }
  | { type: 'choice.made'; value: string }
  /** `range`: "三四千" — both ends; the interview keeps the conservative one for the question and says it back. */
  | { type: 'amount.given'; amountMinor: number; range?: { lowMinor: number; highMinor: number } }
  | { type: 'number.given'; value: number; range?: true }
  | { type: 'answer.corrected'; field: InterviewField; value: number }
  /** A bare "对" / "ok" to a question that is not yes/no (after a read-back): the question is asked again. */
  | { type: 'answer.acknowledged' }
  | { type: 'date.given'; date: string }
  /** 03/04/1985: day and month could be swapped; asked again in an unambiguous form, never counted as a failure. */
  | { type: 'date.ambiguous' }
  | { type: 'idLast4.given'; value: string }
  | { type: 'lookup.given'; accountRef?: string; phone?: string }
  | { type: 'offer.accepted'; offerId: string }
  | { type: 'offer.countered'; amountMinor: number }
  | { type: 'offer.another' }
  | { type: 'offer.declined' }
  | { type: 'consent.given' }
  | { type: 'consent.unclear' }
  | { type: 'consent.hesitated' }
  | { type: 'faq.asked'; topic: string }
  | { type: 'greeting.said' }
  /** "上一步" / "go back": the previous question again, where the flow allows it. */
  | { type: 'back.requested' }
  /** "重新开始" / "start over": the interview from its first question, its answers forgotten. */
  | { type: 'startOver.requested' }
  /** "不知道" to a question that cannot be skipped: the bot says why it needs an answer (a rough one is fine). */
  | { type: 'skip.refused' }
  | { type: 'input.unrecognized'; why: 'empty' | 'tooLong' | 'unclear' };

export interface RecognizeInput {
  text: string | undefined;
  /** activity.value from a button or card: `{ choice }`, `{ offerId }`, `{ intent }` or `{ locale }`. */
  value: unknown;
  expects: Expectation;
  locale: Locale;
  currency: string;
  lexicons: Record<Locale, Lexicon>;
  /** Choice id or offer id → its button labels in the current locale; the ids are also the choices a non-choice question accepts (e.g. `none`). */
  choiceLabels: Record<string, string[]>;
  /** Questions answered mid-flow (dialogs/faq/), current locale first. */
  faqs?: readonly FaqEntry[][];
  /** The interview answers so far, for corrections. */
  answers?: InterviewAnswers;
}

/** Intents that work in every question, highest priority first; locale switches come between the two groups. */
const URGENT = ['vulnerability', 'dispute', 'human', 'stop'] as const;
const CONVERSATIONAL = ['explain', 'repeat'] as const;
const GLOBAL_EVENTS = {
  vulnerability: { type: 'vulnerability.disclosed' },
  dispute: { type: 'dispute.raised' },
  human: { type: 'human.requested' },
  stop: { type: 'stop.requested' },
  explain: { type: 'explanation.requested' },
  repeat: { type: 'repeat.requested' },
} as const satisfies Record<(typeof URGENT | typeof CONVERSATIONAL)[number], Understood>;
/** A locale word inside a long message ("my English is poor, I lost my job") is not a request to switch. */
const LOCALE_SWITCH_MAX_CHARS = 40;

const ButtonValueSchema = z.union([
  z.object({ offerId: z.string().min(1).max(200) }),
  z.object({ choice: z.string().min(1).max(200) }),
  z.object({
    intent: z.enum([
      'human',
      'dispute',
      'vulnerability',
      'stop',
      'explain',
      'repeat',
      'yes',
      'no',
      'another',
      'decline',
    ]),
  }),
  z.object({ locale: LocaleSchema }),
]);
const BUTTON_INTENTS = {
  human: 'human.requested',
  dispute: 'dispute.raised',
  vulnerability: 'vulnerability.disclosed',
  stop: 'stop.requested',
  explain: 'explanation.requested',
  repeat: 'repeat.requested',
  yes: 'answer.yes',
  no: 'answer.no',
  another: 'offer.another',
  decline: 'offer.declined',
} as const;

/** Never throws: anything it cannot read becomes `input.unrecognized`. */
export function recognize(input: RecognizeInput): Understood {
  // Every button value is an object: a typed message (value undefined) skips the parse.
  const button = typeof input.value === 'object' ? ButtonValueSchema.safeParse(input.value) : undefined;
  if (button?.success) return fromButton(button.data);
  const raw = typeof input.text === 'string' ? input.text : '';
  const text = normalizeText(raw);
  if (!text) return { type: 'input.unrecognized', why: 'empty' };
  const lexicons = lexiconsInOrder(input.lexicons, input.locale);
  return (
    globalIntent(text, lexicons, input.faqs ?? []) ??
    corrected(text, input, lexicons) ??
    answer(text, input, lexicons) ??
    acknowledged(text, input.expects, lexicons) ?? {
      type: 'input.unrecognized',
      why: raw.length > MAX_INPUT_CHARS ? 'tooLong' : 'unclear',
    }
  );
}

function fromButton(value: z.infer<typeof ButtonValueSchema>): Understood {
  if ('offerId' in value) return { type: 'offer.accepted', offerId: value.offerId };
  if ('choice' in value) return { type: 'choice.made', value: value.choice };
  if ('locale' in value) return { type: 'locale.switched', locale: value.locale };
  return { type: BUTTON_INTENTS[value.intent] };
}

function globalIntent(text: string, lexicons: readonly Lexicon[], faqs: readonly FaqEntry[][]): Understood | undefined {
  const urgent = firstIntentSaid(text, lexicons, URGENT);
  if (urgent) return { ...GLOBAL_EVENTS[urgent] };
  if (text.length <= LOCALE_SWITCH_MAX_CHARS) {
    const switched = longestPhrase<Locale>(text, lexicons, 'switchLocale');
    if (switched) return { type: 'locale.switched', locale: switched.key };
  }
  const topic = findQuestion(text, faqs);
  if (topic) return { type: 'faq.asked', topic };
  // "你好" / "在吗" / "thanks" alone: acknowledged, and the pending question asked again.
  const whole = wholeForm(text).replace(/[?？]/g, '');
  if (isWholePhrase(whole, lexicons, 'greeting')) return { type: 'greeting.said' };
  const repair = repairRequest(whole, lexicons);
  if (repair) return repair;
  const conversational = firstIntentSaid(text, lexicons, CONVERSATIONAL);
  return conversational ? { ...GLOBAL_EVENTS[conversational] } : undefined;
}

function answer(text: string, input: RecognizeInput, lexicons: readonly Lexicon[]): Understood | undefined {
  const { expects } = input;
  const offerIds = expects.kind === 'offer' ? expects.offerIds : [];
  const labelled = Object.entries(input.choiceLabels).filter(([, labels]) =>
    labels.some((label) => normalizeLabel(label) === text),
  );
  if (labelled.length === 1 && expects.kind !== 'consent') {
    const id = labelled[0]![0];
    return offerIds.includes(id) ? { type: 'offer.accepted', offerId: id } : { type: 'choice.made', value: id };
  }
  const buttonChoices = Object.keys(input.choiceLabels).filter((id) => !offerIds.includes(id));
  const choice = (ids: readonly string[]) => chosen(text, ids, lexicons);
  switch (expects.kind) {
    case 'none':
    case 'text':
      return undefined;
    case 'choice': {
      const pick = parsePick(text, expects.choices.length);
      const made = familyBeforeIllness(text, expects.choices, lexicons) ?? choice(expects.choices);
      return made ?? (pick ? { type: 'choice.made', value: expects.choices[pick - 1]! } : undefined);
    }
    case 'yesNo': {
      const said = yesOrNo(text, lexicons);
      return said ? { type: said === 'yes' ? 'answer.yes' : 'answer.no' } : choice(buttonChoices);
    }
    case 'amount': {
      if (namesOnlyAnotherAnswer(text, input.answers?.pending, lexicons)) return undefined;
      const parts = partsAnswering(text, input.answers?.pending, lexicons, input.currency);
      if (parts !== undefined) return { type: 'amount.given', amountMinor: parts };
      const focus = clauseNaming(text, input.answers?.pending, lexicons);
      const said = withoutWithdrawn(withoutChoicePhrase(focus, buttonChoices, lexicons));
      const range = parseRange(said);
      if (range)
        return {
          type: 'amount.given',
          amountMinor: toMinor(range.low, input.currency),
          range: { lowMinor: toMinor(range.low, input.currency), highMinor: toMinor(range.high, input.currency) },
        };
      const major = parseAmountMajor(said);
      return major !== undefined
        ? { type: 'amount.given', amountMinor: toMinor(major, input.currency) }
        : choiceOrSkipRefused(text, buttonChoices, lexicons);
    }
    case 'number': {
      if (namesOnlyAnotherAnswer(text, input.answers?.pending, lexicons)) return undefined;
      // "半年吧", "一年半", "half a year": how long until income recovers, in months.
      const months = input.answers?.pending === 'recoveryMonths' ? parseMonths(text) : undefined;
      if (months !== undefined) return { type: 'number.given', value: months };
      // "no one" / "一个都没有" is the choice "none", not the "one" in it; "没有老人，两个孩子" is 2.
      const focus = clauseNaming(text, input.answers?.pending, lexicons);
      const said = withoutWithdrawn(withoutChoicePhrase(focus, buttonChoices, lexicons));
      // "两三个月": a range is never read as 23; the higher end is kept (the conservative one for months and people).
      const range = parseRange(said);
      if (range && Number.isInteger(range.high)) return { type: 'number.given', value: range.high, range: true };
      const value = parseCount(said);
      return value !== undefined ? { type: 'number.given', value } : choiceOrSkipRefused(text, buttonChoices, lexicons);
    }
    case 'date': {
      const date = readBirthDate(text, input.locale);
      if (date && 'ambiguous' in date) return { type: 'date.ambiguous' };
      return date ? { type: 'date.given', date: date.date } : choice(buttonChoices);
    }
    case 'idLast4':
      return idLast4(text);
    case 'lookup':
      return lookup(text);
    case 'offer':
      return offerAnswer(text, expects.offerIds, input.currency, lexicons);
    case 'consent':
      return consentAnswer(text, { ...expects, labelled: labelled.map(([id]) => id) }, input.currency, lexicons);
  }
}

const CORRECTABLE: ReadonlySet<Expectation['kind']> = new Set([
  'amount',
  'number',
  'choice',
  'yesNo',
  'offer',
  'consent',
]);

function corrected(text: string, input: RecognizeInput, lexicons: readonly Lexicon[]): Understood | undefined {
  if (!input.answers || !CORRECTABLE.has(input.expects.kind)) return undefined;
  const found = findCorrection(text, input.answers, lexicons, input.currency);
  return found ? { type: 'answer.corrected', ...found } : undefined;
}

const ACKNOWLEDGEABLE: ReadonlySet<Expectation['kind']> = new Set(['amount', 'number', 'choice', 'date', 'idLast4']);

function acknowledged(text: string, expects: Expectation, lexicons: readonly Lexicon[]): Understood | undefined {
  if (!ACKNOWLEDGEABLE.has(expects.kind)) return undefined;
  const whole = wholeForm(text);
  const yes = isWholePhrase(whole, lexicons, 'yes') || isWholePhrase(whole, lexicons, 'softYes');
  return yes ? { type: 'answer.acknowledged' } : undefined;
}

/**
 * A button's choice, or "不知道" / "no idea" where the question has no skip button: not a guess (never "no" as
 * none), and not "did not understand" either.
 */
function choiceOrSkipRefused(
  text: string,
  buttonChoices: readonly string[],
  lexicons: readonly Lexicon[],
): Understood | undefined {
  if (!buttonChoices.includes('skip') && choiceMatch(text, [...buttonChoices, 'skip'], lexicons)?.key === 'skip')
    return { type: 'skip.refused' };
  return chosen(text, buttonChoices, lexicons);
}

function chosen(text: string, ids: readonly string[], lexicons: readonly Lexicon[]): Understood | undefined {
  const match = choiceMatch(text, ids, lexicons);
  return match ? { type: 'choice.made', value: match.key } : undefined;
}

function choiceMatch(text: string, ids: readonly string[], lexicons: readonly Lexicon[]) {
  return longestPhrase(text, lexicons, 'choices', ids);
}

/** The text without the choice phrase it contains, so the number inside "no one" or "一个都没有" is not read. */
function withoutChoicePhrase(text: string, ids: readonly string[], lexicons: readonly Lexicon[]): string {
  const match = choiceMatch(text, ids, lexicons);
  if (!match) return text;
  return `${text.slice(0, match.start)} ${text.slice(match.start + match.phrase.length)}`;
}

/**
 * "my mom was in hospital", "我妈住院了": someone else's illness is a family emergency. A family member named
 * (lexicon choice `familyMember`) before an illness phrase makes the reason `family`.
 */
function familyBeforeIllness(
  text: string,
  ids: readonly string[],
  lexicons: readonly Lexicon[],
): Understood | undefined {
  if (!ids.includes('family') || !ids.includes('illness')) return undefined;
  const illness = choiceMatch(text, ['illness'], lexicons);
  const member = choiceMatch(text, ['familyMember'], lexicons);
  if (!illness || !member) return undefined;
  const best = choiceMatch(text, ids, lexicons);
  return best?.key === 'illness' && member.start < illness.start ? { type: 'choice.made', value: 'family' } : undefined;
}
