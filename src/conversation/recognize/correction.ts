// A correction of an earlier answer — "刚才说错了，收入是六千", "sorry, I meant 6,000", "收入是6000，不是8000".
import { isMoneyField, isMoneyOut, type InterviewField } from '../../domain/hardship.js';
import { toMinor } from '../../domain/money.js';
import type { Lexicon } from '../../dialogs/lexicon.js';
import { longestPhrase, saysIntent } from '../../dialogs/lexiconIndex.js';
import { parseAmountMajor, parseCount, parseRange } from './parseAmount.js';
import { parseMonths } from './parseMonths.js';

/** The interview so far: what was answered (money in minor units), the last answer, the question pending. */
export interface InterviewAnswers {
  answered: Partial<Record<InterviewField, number>>;
  last?: InterviewField;
  pending?: InterviewField;
}

/** "不是8000", "not 8000", "instead of 8k": a number the borrower withdraws in the same breath. */
const WITHDRAWN =
  /(?:而不是|并不是|不是|instead of|rather than|not) ?(?:[¥$]|rmb|nt\$)? ?(\d[\d,]*(?:\.\d+)? ?(?:k|千|万|w)?|[零一二两三四五六七八九十百千万]+)(?: ?(?:元|块|dollars?))?/g;

/** The text without the numbers it withdraws, so "6000，不是8000" reads as 6000. */
export function withoutWithdrawn(text: string): string {
  return text.replace(WITHDRAWN, ' ');
}

/** The interview answer the text names ("收入", "rent", "孩子"), by the longest phrase. */
export function namedField(text: string, lexicons: readonly Lexicon[]): InterviewField | undefined {
  return longestPhrase<InterviewField>(text, lexicons, 'fields')?.key;
}

/** A value for `field` read from `text`: minor units for money, the conservative end of a range for a count. */
export function valueFor(field: InterviewField, text: string, currency: string): number | undefined {
  const range = parseRange(text);
  if (isMoneyField(field)) {
    // "房租一两千" is a range, not 12 000: the end that leaves the borrower less to pay with.
    const major = range ? (isMoneyOut(field) ? range.high : range.low) : parseAmountMajor(text);
    return major === undefined ? undefined : toMinor(major, currency);
  }
  if (field === 'recoveryMonths') return parseMonths(text) ?? range?.high ?? parseCount(text);
  return range?.high ?? parseCount(text);
}

/**
 * A correction of an answer already given: it says so ("说错了", "I meant", "不对") or withdraws a number ("不是8000"),
 * and carries the new value. The field is the one named, else the one whose answer was the withdrawn number, else the
 * last one answered. Undefined when this is the answer to the question pending.
 */
export function findCorrection(
  text: string,
  answers: InterviewAnswers,
  lexicons: readonly Lexicon[],
  currency: string,
): { field: InterviewField; value: number } | undefined {
  if (Object.keys(answers.answered).length === 0) return undefined;
  const withdrawn = [...text.matchAll(WITHDRAWN)].map((match) => match[1]!);
  const marked = saysIntent(text, lexicons, 'correction');
  if (!marked && withdrawn.length === 0) return undefined;
  const named = namedField(text, lexicons);
  const byWithdrawn = withdrawn
    .flatMap((number) =>
      (Object.entries(answers.answered) as Array<[InterviewField, number]>).filter(
        ([field, value]) => valueFor(field, number, currency) === value,
      ),
    )
    .map(([field]) => field)[0];
  const field = named ?? byWithdrawn ?? (marked ? answers.last : undefined);
  if (!field || answers.answered[field] === undefined) return undefined;
  if (field === answers.pending) return undefined;
  const value = valueFor(field, withoutWithdrawn(text), currency);
  return value === undefined ? undefined : { field, value };
}
