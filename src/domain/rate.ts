// Annual rates in basis points and their display per locale (年化利率 7.20%, annual rate 7.20%).
const formatters = new Map<string, Intl.NumberFormat>();

/** `formatRate(1800, 'zh-CN')` → "18.00%": always two decimals, so 0.01% differences read the same in every locale. */
export function formatRate(bps: number, locale: string): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formatters.set(locale, formatter);
  }
  return formatter.format(bps / 10_000);
}
