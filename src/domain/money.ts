// Money: integer minor units (fen, cents) and their display per locale and currency.
import { z } from 'zod';

/** An amount in minor units of its currency; never a float. */
export const MinorSchema = z.number().int().safe();
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY, USD, GBP');

const formatters = new Map<string, Intl.NumberFormat>();

const minorUnits = new Map<string, number>();

/** Minor units per major unit for a currency (100 for CNY and USD, 1 for JPY). */
export function minorPerMajor(currency: string): number {
  // Building an Intl.NumberFormat costs tens of µs and this runs for every amount shown: once per currency.
  let perMajor = minorUnits.get(currency);
  if (perMajor === undefined) {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    perMajor = 10 ** digits;
    minorUnits.set(currency, perMajor);
  }
  return perMajor;
}

/** `formatMoney(123456, 'CNY', 'zh-CN')` → "¥1,234.56". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(amountMinor / minorPerMajor(currency));
}

/** Converts a major-unit amount typed by a person (e.g. 1200.5) to minor units, rounding half up. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * minorPerMajor(currency));
}
