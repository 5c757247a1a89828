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
    const digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    perMajor = 10 ** digits;
    minorUnits.set(currency, perMajor);
  }
  return perMajor;
}

/**
 * Currencies shown differently from their ISO digits, as people use them: the New Taiwan dollar has cents
 * in ISO 4217 but is written without them, and as "NT$" in every locale (zh-TW's own symbol is a bare "$").
 */
const CUSTOMARY: Readonly<Record<string, { fractionDigits: number; symbol: string }>> = {
  TWD: { fractionDigits: 0, symbol: 'NT$' },
};

/** The smallest amount shown, in minor units: 100 for TWD (whole dollars), 1 for the rest. Plans pay in multiples of it. */
export function displayUnitMinor(currency: string): number {
  const customary = CUSTOMARY[currency];
  return customary ? minorPerMajor(currency) / 10 ** customary.fractionDigits : 1;
}

/** `formatMoney(123456, 'CNY', 'zh-CN')` → "¥1,234.56"; `formatMoney(1800000, 'TWD', 'zh-TW')` → "NT$18,000". */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  const customary = CUSTOMARY[currency];
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = customary
      ? { minimumFractionDigits: customary.fractionDigits, maximumFractionDigits: customary.fractionDigits }
      : {};
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits });
    formatters.set(key, formatter);
  }
  const major = amountMinor / minorPerMajor(currency);
  if (!customary) return formatter.format(major);
  return formatter
    .formatToParts(major)
    .map((part) => (part.type === 'currency' ? customary.symbol : part.value))
    .join('');
}

/** Converts a major-unit amount typed by a person (e.g. 1200.5) to minor units, rounding half up. */
export function toMinor(major: number, currency: string): number {
  return Math.round(major * minorPerMajor(currency));
}
