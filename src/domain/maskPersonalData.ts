// Masks personal data (ID, phone, card and account numbers, dates of birth, e-mail) in free text.

const PATTERNS: ReadonlyArray<[RegExp, (match: string) => string]> = [
  // Chinese resident ID (18 characters, last may be X) and old 15-digit IDs.
  [/(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g, keepLast(0)],
  // Card and account numbers: 12–19 digits, optionally grouped by spaces or dashes.
  [/(?<![0-9])(?:[0-9][ -]?){11,18}[0-9](?![0-9])/g, keepLast(4)],
  // Phone numbers: +country, CN mobiles and other runs of 7+ digits with separators.
  [/(?:\+[0-9]{1,3}[ -]?)?(?<![0-9])(?:[0-9][ -]?){6,10}[0-9](?![0-9])/g, keepLast(2)],
  // Dates: 1985-03-12, 1985/3/12, 1985年3月12日, 19850312.
  [/(?<![0-9])(?:19|20)[0-9]{2}(?:[-/.年]\s?[0-9]{1,2}[-/.月]\s?[0-9]{1,2}日?|(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))(?![0-9])/g, () => '****-**-**'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, () => '***@***'],
];

function keepLast(visible: number): (match: string) => string {
  return (match) => {
    const digits = match.replace(/[^0-9Xx]/g, '');
    return '*'.repeat(Math.max(digits.length - visible, 4)) + (visible > 0 ? digits.slice(-visible) : '');
  };
}

/** `maskPersonalData('call 13812345678')` → "call *********78". */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const [pattern, replace] of PATTERNS) masked = masked.replace(pattern, replace);
  return masked;
}

/** Masks a name for display to people who need to see only that there is one: 张三丰 → 张**. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
