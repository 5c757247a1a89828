// The date a borrower promises to pay by, as typed: 3月15日, 15号, 明天, 下周五, 2027-03-15, Friday, the 15th, 15 March.
import { addDays } from '../domain/plan.js';
import { parseCount } from '../conversation/recognize/parseAmount.js';

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const CN_DAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const RELATIVE: readonly [RegExp, number][] = [
  [/大后天/, 3],
  [/后天|day after tomorrow/, 2],
  [/明天|tomorrow/, 1],
  [/今天|today|tonight/, 0],
];

const two = (n: number) => String(n).padStart(2, '0');
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The first `year-month-day` on or after `today` (this year or the next), or undefined when the day does not exist. */
function nextMonthDay(today: string, month: number, day: number): string | undefined {
  for (const year of [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1]) {
    const iso = `${year}-${two(month)}-${two(day)}`;
    if (new Date(`${iso}T00:00:00Z`).getUTCDate() !== day) return undefined;
    if (iso >= today) return iso;
  }
  return undefined;
}

/** The next day-of-month `day` on or after `today`. */
function nextDayOfMonth(today: string, day: number): string | undefined {
  const month = Number(today.slice(5, 7));
  const here = `${today.slice(0, 8)}${two(day)}`;
  if (day >= 1 && here >= today && new Date(`${here}T00:00:00Z`).getUTCDate() === day) return here;
  return nextMonthDay(today, (month % 12) + 1, day);
}

/** The next `target` weekday after today; `nextWeek` (下周, next) means the one in the following week. */
function nextWeekday(today: string, target: number, nextWeek: boolean): string {
  let ahead = (target - weekday(today) + 7) % 7 || 7;
  if (nextWeek && ahead < 7) {
    const mondayAhead = (8 - weekday(today)) % 7 || 7;
    if (ahead < mondayAhead) ahead += 7;
  }
  return addDays(today, ahead);
}

/** `text` is normalised (Simplified, lower-case); `today` is the borrower's local date. */
export function parsePromiseDate(text: string, today: string): string | undefined {
  let m = /(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})/.exec(text);
  if (m) {
    const iso = `${m[1]}-${two(Number(m[2]))}-${two(Number(m[3]))}`;
    return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? undefined : iso;
  }
  m = /(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?/.exec(text) ?? /(?<![\d.])(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(text);
  if (m) return nextMonthDay(today, Number(m[1]), Number(m[2]));
  m = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s(?:of\\s)?(${EN_MONTHS.join('|')})[a-z]*`).exec(text);
  if (m) return nextMonthDay(today, EN_MONTHS.indexOf(m[2]!) + 1, Number(m[1]));
  m = new RegExp(`(${EN_MONTHS.join('|')})[a-z]*\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)`).exec(text);
  if (m) return nextMonthDay(today, EN_MONTHS.indexOf(m[1]!) + 1, Number(m[2]));
  for (const [pattern, days] of RELATIVE) if (pattern.test(text)) return addDays(today, days);
  m = /(\d+|[一两二三四五六七八九十])\s?天[后内之]|in (\d+) days?|within (\d+) days?/.exec(text);
  if (m) {
    const n = m[1] ? (parseCount(m[1]) ?? Number.NaN) : Number(m[2] ?? m[3]);
    return Number.isFinite(n) ? addDays(today, n) : undefined;
  }
  m = /(下)?(?:周|星期|礼拜)([一二三四五六日天])/.exec(text);
  if (m) return nextWeekday(today, CN_DAYS[m[2]!]!, Boolean(m[1]));
  m = new RegExp(`(next\\s)?(${EN_DAYS.join('|')})[a-z]*day\\b|(next\\s)?\\b(${EN_DAYS.join('|')})\\b`).exec(text);
  if (m) return nextWeekday(today, EN_DAYS.indexOf((m[2] ?? m[4])!), Boolean(m[1] ?? m[3]));
  m = /(?<![\d.])(\d{1,2})\s?[号日]/.exec(text) ?? /(?<![\d.])(\d{1,2})(?:st|nd|rd|th)\b/.exec(text);
  if (m) return nextDayOfMonth(today, Number(m[1]));
  return undefined;
}

/** The day of the month named in a due-day change: "改到15号", "to the 15th", "每月20日", "day 5". */
export function parseDayOfMonth(text: string): number | undefined {
  const m =
    /(?<![\d.])(\d{1,2})\s?[号日]/.exec(text) ??
    /(?<![\d.])(\d{1,2})(?:st|nd|rd|th)\b/.exec(text) ??
    /\b(?:to|on|day)\s(?:the\s)?(\d{1,2})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}
