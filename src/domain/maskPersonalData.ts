// Masks personal data (ID, phone, card and account numbers, dates of birth, e-mail) in free text.

/** E-mail; the left boundary and the dot-separated domain keep it linear (the old pattern retried from every position). */
export const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';

/** Full-width digits, Latin letters and the signs around numbers (１３８…, ＠), as NFKC reads them; other text is left as typed. */
const FULL_WIDTH = /[\uFF0B\uFF0D-\uFF0F\uFF10-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]+/g;

const PATTERNS: ReadonlyArray<[RegExp, (match: string, ...groups: string[]) => string]> = [
  // Chinese resident ID (18 characters, last may be X) and old 15-digit IDs.
  [
    /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g,
    keepLast(0),
  ],
  // Card and account numbers: 12–19 digits, optionally grouped by spaces or dashes.
  [/(?<![0-9])(?:[0-9][ -]?){11,18}[0-9](?![0-9])/g, keepLast(4)],
  // Phone numbers: +country, CN mobiles and other runs of 7+ digits with separators.
  [/(?:\+[0-9]{1,3}[ -]?)?(?<![0-9])(?:[0-9][ -]?){6,10}[0-9](?![0-9])/g, keepLast(2)],
  // Dates: 1985-03-12, 1985/3/12, 1985年3月12日, 19850312.
  [
    /(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.年]\s?[0-9]{1,2}[-/.月]\s?[0-9]{1,2}日?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?![0-9])/g,
    () => '****-**-**',
  ],
  // Dates with the year last: 20/05/1990, 5-20-1990, 20.05.1990.
  [/(?<![0-9])[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19|20)[0-9]{2}(?![0-9])/g, () => '**/**/****'],
  // Dates with a month name: May 20, 1990 · 20 May 1990.
  [
    new RegExp(
      `\\b(?:${MONTH}\\.?\\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)[0-9]{2}|[0-9]{1,2}\\s+${MONTH}\\.?,?\\s+(?:19|20)[0-9]{2})\\b`,
      'gi',
    ),
    () => '**** ** ****',
  ],
  // Chinese dates: 一九九〇年五月二十日, 87年2月14日, 民國76年2月14日.
  [
    /(?:[一二三四五六七八九〇零○]{2,4}|(?<![0-9])[0-9]{2,3})年[一二三四五六七八九十0-9]{1,3}月[一二三四五六七八九十0-9]{1,3}[日号號]?/g,
    () => '****年**月**日',
  ],
  // An ID suffix named as such: 身份证后四位2468, ID last 4: 567X.
  [
    /(身份证|身份證|身分證|证件号|證件號|\bID\b)([^\n]{0,16}?)[0-9]{3}[0-9Xx](?![0-9])/gi,
    (_match: string, label: string, between: string) => `${label}${between}****`,
  ],
  [EMAIL, (match: string) => (/\.[A-Za-z]{2,}$/.test(match) ? '***@***' : match)],
];

function keepLast(visible: number): (match: string) => string {
  return (match) => {
    const digits = match.replace(/[^0-9Xx]/g, '');
    return '*'.repeat(Math.max(digits.length - visible, 4)) + (visible > 0 ? digits.slice(-visible) : '');
  };
}

/** `maskPersonalData('call 13812345678')` → "call *********78". */
export function maskPersonalData(text: string): string {
  let masked = text.replace(FULL_WIDTH, (run) => run.normalize('NFKC'));
  for (const [pattern, replace] of PATTERNS) masked = masked.replace(pattern, replace);
  return masked;
}

/** Masks a name for display to people who need to see only that there is one: 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
