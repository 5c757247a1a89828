// Birth dates as people type them — 1985-03-12, 1985年3月12日, 87年2月14日, 民國74年4月18日, 12 March 1985 — to ISO YYYY-MM-DD.
import type { Locale } from '../../domain/account.js';
import { normalizeText } from './normalize.js';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const YEAR_FIRST = /(?<!\d)(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2})(?!\d)/;
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/;
const CHINESE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})/;
const DAY_MONTH_YEAR = /(?<![\da-z])(\d{1,2})(?:st|nd|rd|th)?[ -]?(?:of )?([a-z]{3,9})\.?[ ,-]{0,3}(\d{4})(?!\d)/;
const MONTH_DAY_YEAR = /(?<![a-z])([a-z]{3,9})\.? ?(\d{1,2})(?:st|nd|rd|th)?[ ,]{0,3}(\d{4})(?!\d)/;
const NUMERIC_DAY_FIRST = /(?<![\d.])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/;
/** 民國74年4月18日 (Republic of China years: 1911 + n); 民国 once normalised. */
const ROC = /民国 ?(\d{1,3}) ?[年/.-] ?(\d{1,2}) ?[月/.-] ?(\d{1,2})(?!\d)/;
/** 87年2月14日: a two- or three-digit year before 年 (a ROC year in Taiwan, 19xx elsewhere). */
const SHORT_YEAR = /(?<!\d)(\d{2,3}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2})(?!\d)/;

/** What a date answer said: a date, a date whose day and month could be swapped (ask again), or none. */
export type DateReading = { date: string } | { ambiguous: true } | undefined;

/** The ISO date in the text, or undefined when there is none, it does not exist (Feb 30) or day and month could be swapped (03/04/1985). */
export function parseBirthDate(text: string, locale?: Locale): string | undefined {
  const reading = readBirthDate(text, locale);
  return reading && 'date' in reading ? reading.date : undefined;
}

/**
 * Like parseBirthDate, but says when the date is there and only its order is unclear (03/04/1985): both
 * orders are in use in every locale served (en borrowers in the US and elsewhere), so the borrower is asked.
 */
export function readBirthDate(text: string, locale?: Locale): DateReading {
  const normal = normalizeText(text);
  const found = findDate(normal, locale);
  if (found === AMBIGUOUS) return { ambiguous: true };
  return found ? { date: found } : undefined;
}

const AMBIGUOUS = 'ambiguous';

function findDate(normal: string, locale: Locale | undefined): string | undefined {
  let roc = ROC.exec(normal);
  if (roc) return isoDate(1911 + Number(roc[1]), Number(roc[2]), Number(roc[3]));
  roc = SHORT_YEAR.exec(normal);
  if (roc) {
    const year = Number(roc[1]);
    const full = roc[1]!.length === 3 || locale === 'zh-TW' ? 1911 + year : year < 10 ? 2000 + year : 1900 + year;
    return isoDate(full, Number(roc[2]), Number(roc[3]));
  }
  let match = YEAR_FIRST.exec(normal) ?? COMPACT.exec(normal);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = CHINESE.exec(normal);
  if (match)
    return isoDate(
      Number([...match[1]!].map((ch) => CN_DIGITS[ch]).join('')),
      chineseSmall(match[2]!),
      chineseSmall(match[3]!),
    );
  match = DAY_MONTH_YEAR.exec(normal);
  const dayFirstMonth = monthNumber(match?.[2]);
  if (match && dayFirstMonth) return isoDate(Number(match[3]), dayFirstMonth, Number(match[1]));
  match = MONTH_DAY_YEAR.exec(normal);
  const monthFirst = monthNumber(match?.[1]);
  if (match && monthFirst) return isoDate(Number(match[3]), monthFirst, Number(match[2]));
  match = NUMERIC_DAY_FIRST.exec(normal);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first <= 12 && second <= 12 && first !== second) return AMBIGUOUS; // 03/04: March 4 or 3 April? Asked.
    return first > 12 ? isoDate(Number(match[3]), second, first) : isoDate(Number(match[3]), first, second);
  }
  return undefined;
}

function monthNumber(name: string | undefined): number | undefined {
  return name !== undefined && Object.hasOwn(MONTHS, name) ? MONTHS[name] : undefined;
}

/** 三 → 3, 十二 → 12, 二十一 → 21, 三十 → 30. */
function chineseSmall(word: string): number {
  const digit = (ch: string | undefined) => (ch ? (CN_DIGITS[ch] ?? 0) : 0);
  const ten = word.indexOf('十');
  if (ten < 0) return digit(word[0]);
  return (ten === 0 ? 1 : digit(word[0])) * 10 + digit(word[ten + 1]);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
