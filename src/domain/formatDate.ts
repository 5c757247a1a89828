// Calendar days as a reader of each locale writes them: 2026年12月29日, December 29, 2026 (never ISO in a sentence).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `formatDay('2026-12-29', 'en')` → "December 29, 2026"; the day is a calendar day, read without a time zone. */
export function formatDay(isoDate: string, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : locale, { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(`${isoDate}T00:00:00Z`));
}
