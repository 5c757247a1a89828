// The creditor's facts about one loan or card account in arrears.
import { z } from 'zod';
import { CurrencySchema, MinorSchema } from './money.js';
import { isTimeZone } from './contact/contactHours.js';

export const LocaleSchema = z.enum(['zh-CN', 'zh-TW', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;
export const LOCALES: readonly Locale[] = LocaleSchema.options;

export const BorrowerSchema = z.object({
  name: z.string().min(1),
  phone: z.string().regex(/^\+?[0-9 -]{6,20}$/, 'a phone number'),
  /** Last four characters of the national ID number (digits, or X as the check character). */
  idLast4: z.string().regex(/^[0-9]{3}[0-9Xx]$/, 'four digits, the last may be X'),
  birthDate: z.iso.date(),
  /** IANA time zone of the borrower: contact hours are kept in it. */
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai').default('Asia/Shanghai'),
  preferredLocale: LocaleSchema.default('zh-CN'),
});

/** Where the lender's own gateways reach the borrower (the outreach.requested event carries them back). */
export const ContactChannelSchema = z.object({
  kind: z.enum(['sms', 'email', 'wechat', 'voice', 'app']),
  address: z.string().min(3).max(200),
});
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/** The lender's status of the account: only `active` accounts are invited (outreach); the others are kept for lookup. */
export const AccountStatusSchema = z.enum(['active', 'settled', 'closed', 'suspended']);

export const AccountSchema = z.object({
  accountRef: z.string().regex(/^[A-Z0-9-]{4,32}$/, 'upper-case letters, digits and dashes'),
  creditor: z.string().min(1),
  product: z.enum(['loan', 'card']),
  currency: CurrencySchema.default('CNY'),
  borrower: BorrowerSchema,
  /** What is owed today on principal and the interest accrued so far, overdue part included (fees apart). */
  balanceMinor: MinorSchema.nonnegative(),
  /** The part of the balance that is past due. */
  overdueMinor: MinorSchema.nonnegative(),
  /** Late fees and penalty interest accrued so far (waivable). */
  feesMinor: MinorSchema.nonnegative(),
  regularMonthlyMinor: MinorSchema.nonnegative(),
  /** The contract's nominal annual interest rate in basis points (1800 = 18.00% a year, charged monthly at 1/12). */
  contractRateBps: z.number().int().min(0).max(100_000),
  /** The penalty interest rate on overdue amounts, in basis points a year (罚息利率). */
  penaltyRateBps: z.number().int().min(0).max(100_000),
  remainingMonths: z.number().int().nonnegative(),
  daysPastDue: z.number().int().nonnegative(),
  /** Earlier payment arrangements the borrower did not keep, in the last 12 months. */
  brokenArrangements12m: z.number().int().nonnegative().default(0),
  /** Channel user ids (e.g. `msteams:29:1abc`) the creditor registered for this borrower. */
  channelUserIds: z.array(z.string().min(3).max(200)).max(20).default([]),
  contactChannels: z.array(ContactChannelSchema).max(10).default([]),
  status: AccountStatusSchema.default('active'),
});
export type Account = z.infer<typeof AccountSchema>;
