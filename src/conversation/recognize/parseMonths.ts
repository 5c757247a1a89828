// "半年", "一年半", "三个半月", "half a year", "2 years": a time span said in years or halves, as whole months.
import { parseCount } from './parseAmount.js';
import { normalizeText } from './normalize.js';

const ZH_YEARS = /([0-9]+|[一二两三四五六七八九十]+)年(半)?/;
const EN_YEARS = /\b([0-9]+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)(?: and a half)? years?\b/;
const HALF_MONTH = /([0-9]+|[一二两三四五六七八九十]+)个半月/;

/**
 * Months for a span said in years or with a half; undefined for anything else (a plain "3个月" is read as a count).
 * A half month is rounded up: for a recovery, the longer reading is the conservative one.
 */
export function parseMonths(text: string): number | undefined {
  const normal = normalizeText(text);
  if (/(^|[^一二两三四五六七八九十0-9])半年/.test(normal) || /\bhalf a year\b|\bsix months\b/.test(normal)) return 6;
  const halfMonth = HALF_MONTH.exec(normal);
  if (halfMonth) return countOf(halfMonth[1]!) + 1;
  const zh = ZH_YEARS.exec(normal);
  if (zh) return countOf(zh[1]!) * 12 + (zh[2] ? 6 : 0);
  if (/\ba year and a half\b/.test(normal)) return 18;
  const en = EN_YEARS.exec(normal);
  if (en) return countOf(en[1]!) * 12 + (en[0].includes('and a half') ? 6 : 0);
  return undefined;
}

function countOf(token: string): number {
  if (token === 'a' || token === 'an') return 1;
  return parseCount(token) ?? 1;
}
