// Several facts in one message — "我失业了，现在每月只有两千失业金，房租一千五": each clause that names an answer and a value.
import type { InterviewField } from '../../domain/hardship.js';
import type { Lexicon } from '../../dialogs/lexicon.js';
import { phraseIndexOf } from '../../dialogs/lexiconIndex.js';
import { namedField, valueFor, withoutWithdrawn, type InterviewAnswers } from './correction.js';

/** Clause breaks; a comma inside 1,200 is not one. */
const CLAUSE = /[，。;；、!！?？\n]|(?<!\d),|,(?!\d{3}(?!\d))|\band\b|\bbut\b|然后|而且|还有|另外|但是/;

/** The clauses of a message, each as typed (normalised). */
export function clausesOf(text: string): string[] {
  return text
    .split(CLAUSE)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

/**
 * Answers to questions not asked yet, one per clause that names it and gives a value: never the question pending
 * (that is the answer itself) nor one answered already (changing that takes a correction).
 */
export function factsAhead(
  text: string,
  answers: InterviewAnswers,
  lexicons: readonly Lexicon[],
  currency: string,
): Partial<Record<InterviewField, number>> {
  const facts: Partial<Record<InterviewField, number>> = {};
  for (const clause of clausesOf(text)) {
    const field = namedField(clause, lexicons);
    if (!field || field === answers.pending || answers.answered[field] !== undefined) continue;
    if (facts[field] !== undefined && !ADDITIVE.has(field)) continue;
    const value = valueFor(field, withoutWithdrawn(clause), currency);
    // "房租两千，吃饭一千五": parts of one monthly figure add up (and the total is said back).
    if (value !== undefined) facts[field] = (facts[field] ?? 0) + value;
  }
  return facts;
}

/** Monthly figures made of parts: rent and food are both essential spending, a salary and a side job both income. */
const ADDITIVE: ReadonlySet<InterviewField> = new Set([
  'incomeMinor',
  'essentialSpendingMinor',
  'otherDebtPaymentsMinor',
]);

/**
 * The answer to the pending question given in parts ("rent is 900, bills maybe 600"): the sum of the values of the
 * clauses that name it, when there are two or more; undefined otherwise (one figure is read as usual).
 */
export function partsAnswering(
  text: string,
  field: InterviewField | undefined,
  lexicons: readonly Lexicon[],
  currency: string,
): number | undefined {
  if (!field || !ADDITIVE.has(field)) return undefined;
  const values = clausesOf(text)
    .filter((clause) => namedField(clause, lexicons) === field)
    .map((clause) => valueFor(field, withoutWithdrawn(clause), currency))
    .filter((value): value is number => value !== undefined);
  return values.length >= 2 ? values.reduce((total, value) => total + value, 0) : undefined;
}

/** For an answer to the pending question in a message of several facts: the clause that names it, if one does. */
export function clauseNaming(text: string, field: InterviewField | undefined, lexicons: readonly Lexicon[]): string {
  if (!field) return text;
  const clauses = clausesOf(text);
  if (clauses.length < 2) return text;
  return clauses.find((clause) => namedField(clause, lexicons) === field) ?? text;
}

/**
 * "信用卡每个月还八百" to the spending question names another answer and not this one: it is a fact ahead (or a
 * correction), never the answer to the question pending.
 */
export function namesOnlyAnotherAnswer(
  text: string,
  pending: InterviewField | undefined,
  lexicons: readonly Lexicon[],
): boolean {
  if (!pending) return false;
  const named = new Set<InterviewField>();
  for (const lexicon of lexicons)
    for (const field of phraseIndexOf<InterviewField>(lexicon, 'fields').keysIn(text)) named.add(field);
  return named.size > 0 && !named.has(pending);
}
