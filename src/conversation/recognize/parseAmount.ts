// Numbers typed by a borrower — "1,200", "1.2万", "三千五", "¥800", "350 dollars", "3个月", "方案2" — read as amounts, counts or picks.
import { normalizeText } from './normalize.js';

const MAX_VALUE = 1e9;
const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
  万: 1e4,
  亿: 1e8,
};
const EN_COUNTS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const EN_ORDINALS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5 };

const START = /[0-9零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾]/g;
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/y;
const MULTIPLIER = / ?(万|w(?![a-z])|千|k(?![a-z])|百|亿)/y;
/** After a number: it counts something other than money (months, people, percent, an ordinal …). */
const NOT_MONEY_AFTER =
  /^ ?(?:个|月|期|年|天|日|号|周|岁|次|人|口|位|名|点|分|倍|折|成|楼|层|星期|小时|%|months?\b|mo\b|years?\b|yrs?\b|days?\b|weeks?\b|times?\b|kids?\b|child|people|persons?\b|st\b|nd\b|rd\b|th\b|am\b|pm\b|hours?\b|[:/.-]\d)/;
/** Before a number: it names an option or a position ("方案2", "第一", "option 2", "#2"). */
const PICK_BEFORE = /(?:方案|第|选项|option|plan|offer|number|no\.|#) ?$/;
const CURRENCY_AFTER = /^ ?(?:元|块|圆|毛|rmb|yuan|dollars?|bucks|usd|cny|hkd|twd|pounds?|gbp|euros?)/;
const CURRENCY_BEFORE = /(?:[¥$£€]|rmb|cny|usd|hkd|twd|人民币) ?$/;

type Mode = 'amount' | 'count';
interface Reading {
  value: number;
  end: number;
}

/** Money in major units, the first amount in the text; undefined without one, for a negative one or above 1e9. */
export function parseAmountMajor(text: string): number | undefined {
  return firstNumber(withEnglishNumbers(normalizeText(text)), 'amount');
}

/** A count (months, dependants): "3", "3个月", "两个", "two". */
export function parseCount(text: string): number | undefined {
  const normal = withEnglishNumbers(normalizeText(text));
  const value =
    firstNumber(normal, 'count') ??
    EN_COUNTS[/\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/.exec(normal)?.[1] ?? ''];
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

const PICK_TOKEN = '(\\d{1,2}|[一二两三四五六七八九十])(?![\\d十百千万亿块元.,%])';
const PICK = new RegExp(
  `(?:方案|选项|option|plan|offer|number|no\\.|#|选|选择|要|choose|pick|take|want) ?(?:the |no\\. ?)?${PICK_TOKEN}|第 ?${PICK_TOKEN}|(?<![\\d.,])${PICK_TOKEN} ?(?:号|个方案)|(\\d)(?:st|nd|rd|th)\\b|^${PICK_TOKEN}$`,
);

/** Which of `count` items the text picks, 1-based: "方案2", "option 2", "第一个", "2号", "the second one", "2", "最后一个". */
export function parsePick(text: string, count: number): number | undefined {
  const normal = normalizeText(text);
  const token = PICK.exec(normal)
    ?.slice(1)
    .find((group) => group !== undefined);
  let pick: number | undefined;
  if (token !== undefined) pick = /\d/.test(token) ? Number(token) : readChinese(token, 0)?.value;
  else if (/最后一个|\blast\b/.test(normal)) pick = count;
  else pick = EN_ORDINALS[/\b(first|second|third|fourth|fifth)\b/.exec(normal)?.[1] ?? ''];
  return pick !== undefined && pick >= 1 && pick <= count ? pick : undefined;
}

function firstNumber(text: string, mode: Mode): number | undefined {
  START.lastIndex = 0;
  for (let match = START.exec(text); match; match = START.exec(text)) {
    const start = match.index;
    const reading = /\d/.test(match[0]) ? readArabic(text, start) : readChinese(text, start);
    if (!reading) continue;
    START.lastIndex = Math.max(reading.end, start + 1);
    if (!isAmountHere(text, start, reading, mode)) continue;
    const before = text.slice(Math.max(0, start - 2), start);
    if (/(?:^|[^a-z0-9])[-−] ?$|负 ?$/.test(before)) return undefined;
    const value = Math.round(reading.value * 100) / 100;
    return value <= MAX_VALUE ? value : undefined;
  }
  return undefined;
}

function isAmountHere(text: string, start: number, reading: Reading, mode: Mode): boolean {
  const before = text.slice(Math.max(0, start - 8), start);
  const after = text.slice(reading.end, reading.end + 8);
  if (PICK_BEFORE.test(before)) return false;
  if (/(?:[a-z]|[a-z0-9]-)$/.test(before) && !CURRENCY_BEFORE.test(before)) return false; // part of a reference such as LN-2024-0001
  if (mode === 'amount' && NOT_MONEY_AFTER.test(after)) return false;
  if (/\d/.test(text[start] ?? '')) return true;
  // A Chinese numeral such as 一 or 两 is often not a number at all ("一次性", "换一个"): it needs more evidence.
  const word = text.slice(start, reading.end);
  return (
    /[十拾百佰千仟万亿]/.test(word) ||
    word.length > 1 ||
    CURRENCY_AFTER.test(after) ||
    CURRENCY_BEFORE.test(before) ||
    text.trim() === word ||
    (mode === 'count' && /^ ?[个位名口人]/.test(after))
  );
}

function readArabic(text: string, start: number): Reading | undefined {
  ARABIC.lastIndex = start;
  const digits = ARABIC.exec(text);
  if (!digits) return undefined;
  let value = Number(`${digits[1]!.replaceAll(',', '')}.${digits[2] ?? '0'}`);
  let end = ARABIC.lastIndex;
  MULTIPLIER.lastIndex = end;
  const unit = MULTIPLIER.exec(text)?.[1];
  if (!unit) return { value, end };
  const multiplier = { 万: 1e4, w: 1e4, 千: 1e3, k: 1e3, 百: 100, 亿: 1e8 }[unit] ?? 1;
  value *= multiplier;
  end = MULTIPLIER.lastIndex;
  // "1万2" is 12000 and "3千5" 3500: a single digit right after 万 or 千 counts in the next unit down.
  const rest = /^(\d|[一二两三四五六七八九])(?![\d十百千万])/.exec(text.slice(end, end + 2));
  if (rest && multiplier >= 1e3) {
    value += (/\d/.test(rest[1]!) ? Number(rest[1]) : CN_DIGITS[rest[1]!]!) * (multiplier / 10);
    end += 1;
  }
  return { value, end };
}

/** Reads 一千零五十, 三千五 (3500), 一万二 (12000), 二十, 五零零; undefined for 千万/百分之 (no leading digit). */
function readChinese(text: string, start: number): Reading | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  let afterZero = false;
  let digitsSinceUnit = 0;
  let end = start;
  for (; end < text.length; end++) {
    const ch = text[end]!;
    const d = CN_DIGITS[ch];
    const unit = CN_UNITS[ch];
    if (d !== undefined) {
      if (d === 0 && digitsSinceUnit === 0) afterZero = true;
      digit = digitsSinceUnit > 0 ? (digit ?? 0) * 10 + d : d;
      digitsSinceUnit++;
    } else if (unit !== undefined) {
      if (end === start && unit > 10) return undefined;
      if (unit >= 1e4) {
        const part = section + (digit ?? 0);
        total = unit === 1e8 ? (total + part) * unit : total + part * unit;
        section = 0;
      } else {
        section += (digit ?? 1) * unit;
      }
      digit = undefined;
      lastUnit = unit;
      afterZero = false;
      digitsSinceUnit = 0;
    } else break;
  }
  if (end === start) return undefined;
  if (digit !== undefined)
    section += !afterZero && digitsSinceUnit === 1 && lastUnit >= 10 ? (digit * lastUnit) / 10 : digit;
  return { value: total + section, end };
}

const EN_SMALL: Readonly<Record<string, number>> = {
  ...EN_COUNTS,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, grand: 1000, million: 1e6 };
const EN_WORD = `(?:${Object.keys(EN_SMALL)
  .sort((a, b) => b.length - a.length)
  .join('|')}|hundred|thousand|grand|million|a|and|\\d+(?:\\.\\d+)?)`;
const EN_RUN = new RegExp(`\\b${EN_WORD}(?:[ -]+${EN_WORD})*\\b`, 'g');

/**
 * "five hundred" → "500", "two thousand five hundred" → "2500", "fifteen hundred" → "1500", "3 grand" → "3000":
 * runs of English number words become digits. A lone "one" or "a" stays a word ("the first one", "no one").
 */
export function withEnglishNumbers(text: string): string {
  return text.replace(EN_RUN, (matched) => {
    const trailing = /(?:[ -]+(?:a|and))+$/.exec(matched)?.[0] ?? '';
    const run = matched.slice(0, matched.length - trailing.length);
    const words = run.split(/[ -]+/);
    const meaningful = words.some((word) => Object.hasOwn(EN_SCALES, word) || (EN_SMALL[word] ?? 0) > 12);
    if (!meaningful) return matched;
    let total = 0;
    let current: number | undefined;
    for (const word of words) {
      if (word === 'and') continue;
      if (word === 'a') current = current ?? 1;
      else if (Object.hasOwn(EN_SCALES, word)) {
        const scale = EN_SCALES[word]!;
        if (scale === 100) current = (current ?? 1) * 100;
        else {
          total += (current ?? 1) * scale;
          current = undefined;
        }
      } else {
        const value = Object.hasOwn(EN_SMALL, word) ? EN_SMALL[word]! : Number(word);
        if (current !== undefined && current % 10 === 0 && value < 10) current += value;
        else if (current !== undefined && current >= 100 && value < 100) current += value;
        else if (current !== undefined)
          return matched; // "five six": not one number
        else current = value;
      }
    }
    return `${total + (current ?? 0)}${trailing}`;
  });
}

export interface Range {
  low: number;
  high: number;
}
const CN_RANGE_DIGIT = '[一二两三四五六七八九]';
const CN_RANGE = new RegExp(
  `(?<![零一二两三四五六七八九十百千万\\d])(${CN_RANGE_DIGIT})(${CN_RANGE_DIGIT})(十|百|千|万)?`,
);
const ARABIC_RANGE =
  /(?<![\d./-])(\d+(?:\.\d+)?) ?(k|千|万)? ?(?:-|~|～|到|至|或者|或|or|to) ?(\d+(?:\.\d+)?) ?(k|千|万)?(?![\d/-]|\.\d)/;
const EN_RANGE =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) or (two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/;
const SCALE: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, k: 1000 };

/** "两三个月" (2–3), "三四千" (3000–4000), "2-3", "2到3个", "3000~4000", "two or three": a range, never 23 or 34000. */
export function parseRange(text: string): Range | undefined {
  const normal = withEnglishNumbers(normalizeText(text));
  const chinese = CN_RANGE.exec(normal);
  if (chinese) {
    const [low, high] = [CN_DIGITS[chinese[1]!]!, CN_DIGITS[chinese[2]!]!];
    const scale = SCALE[chinese[3] ?? ''] ?? 1;
    if (high === low + 1) return { low: low * scale, high: high * scale };
  }
  const arabic = ARABIC_RANGE.exec(normal);
  if (arabic) {
    const highScale = SCALE[arabic[4] ?? ''] ?? 1;
    const low = Number(arabic[1]) * (SCALE[arabic[2] ?? ''] ?? highScale);
    const high = Number(arabic[3]) * highScale;
    if (high > low) return { low, high };
  }
  const english = EN_RANGE.exec(normal);
  if (english) {
    const [low, high] = [EN_COUNTS[english[1]!]!, EN_COUNTS[english[2]!]!];
    if (high > low) return { low, high };
  }
  return undefined;
}
