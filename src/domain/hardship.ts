// What the hardship interview learns (了解逾期原因, 评估还款能力).
import { z } from 'zod';
import { MinorSchema } from './money.js';

export const HARDSHIP_REASONS = [
  'jobLoss',
  'reducedIncome',
  'illness',
  'business',
  'family',
  'tooManyDebts',
  'other',
] as const;
export const HardshipReasonSchema = z.enum(HARDSHIP_REASONS);
export type HardshipReason = z.infer<typeof HardshipReasonSchema>;

export const HardshipDurationSchema = z.enum(['temporary', 'longTerm']);
export type HardshipDuration = z.infer<typeof HardshipDurationSchema>;

export const HardshipSchema = z.object({
  reason: HardshipReasonSchema,
  duration: HardshipDurationSchema,
  /** Months until income is expected to recover (temporary hardship only). */
  recoveryMonths: z.number().int().min(0).max(120).optional(),
  incomeMinor: MinorSchema.nonnegative(),
  essentialSpendingMinor: MinorSchema.nonnegative(),
  otherDebtPaymentsMinor: MinorSchema.nonnegative(),
  dependants: z.number().int().min(0).max(20),
  /** What the borrower believes they can pay each month, if they said. */
  statedMonthlyMinor: MinorSchema.nonnegative().optional(),
  /** Savings or help the borrower could use for a one-off settlement, if asked and answered. */
  lumpSumMinor: MinorSchema.nonnegative().optional(),
});
export type Hardship = z.infer<typeof HardshipSchema>;

/** The interview answers a borrower may correct, or give ahead of their question. */
export const INTERVIEW_FIELDS = [
  'incomeMinor',
  'essentialSpendingMinor',
  'otherDebtPaymentsMinor',
  'statedMonthlyMinor',
  'lumpSumMinor',
  'dependants',
  'recoveryMonths',
] as const;
export type InterviewField = (typeof INTERVIEW_FIELDS)[number];
export const isMoneyField = (field: InterviewField): boolean => field.endsWith('Minor');
/** Money going out each month: of a range, the higher end is the conservative one (the lower for money coming in). */
export const isMoneyOut = (field: InterviewField): boolean =>
  field === 'essentialSpendingMinor' || field === 'otherDebtPaymentsMinor';
/** The most a count answer is stored as (as the interview records it). */
export const COUNT_CAPS: Readonly<Record<'dependants' | 'recoveryMonths', number>> = {
  dependants: 20,
  recoveryMonths: 120,
};

/** Income − essential spending − other debt payments; may be negative. */
export function disposableIncomeMinor(
  h: Pick<Hardship, 'incomeMinor' | 'essentialSpendingMinor' | 'otherDebtPaymentsMinor'>,
): number {
  return h.incomeMinor - h.essentialSpendingMinor - h.otherDebtPaymentsMinor;
}
