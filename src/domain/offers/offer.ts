// What an offer is: a repayment plan the rules module computed, with its exact schedule.
import { z } from 'zod';
import { MinorSchema } from '../money.js';
import { HardshipDurationSchema, HardshipReasonSchema } from '../hardship.js';
import { TIERS } from '../tier.js';

export const OFFER_KINDS = ['grace', 'extend', 'installment', 'freeze', 'waiver', 'settlement'] as const;
export const OfferKindSchema = z.enum(OFFER_KINDS);
export type OfferKind = z.infer<typeof OfferKindSchema>;
/** The kinds that stand alone; a waiver is always combined with one of them. */
export const PlanKindSchema = z.enum(['grace', 'extend', 'installment', 'freeze', 'settlement']);
export type PlanKind = z.infer<typeof PlanKindSchema>;

export const PaymentSchema = z.object({
  /** 1 = the first month after the agreement. */
  month: z.number().int().min(1),
  /** What the borrower pays that month: principal + interest + fees (+ a regular payment that continues alongside). */
  amountMinor: MinorSchema.nonnegative(),
  principalMinor: MinorSchema.nonnegative().default(0),
  interestMinor: MinorSchema.nonnegative().default(0),
  feesMinor: MinorSchema.nonnegative().default(0),
  /** The contract's regular payment that continues alongside an installment of arrears; not part of the plan's total. */
  regularMinor: MinorSchema.nonnegative().default(0),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** What a plan costs the borrower, said on every offer and agreement. */
export const OfferCostSchema = z.object({
  /** Of the total: what repays principal (and interest accrued before the plan). */
  principalMinor: MinorSchema.nonnegative(),
  /** Of the total: interest the plan charges. */
  interestMinor: MinorSchema.nonnegative(),
  /** Of the total: late fees and penalty interest accrued before the plan, not waived. */
  feesMinor: MinorSchema.nonnegative(),
  /** Fees waived and settlement discount: what the borrower no longer owes once the plan is kept. */
  waivedMinor: MinorSchema.nonnegative(),
  /** The nominal annual rate the plan charges, in basis points (see cost/annualRate.ts). */
  aprBps: z.number().int().nonnegative(),
  /** `overdue`: the total covers the overdue part only (the regular payments continue); `balance`: everything owed. */
  covers: z.enum(['balance', 'overdue']),
});
export type OfferCost = z.infer<typeof OfferCostSchema>;

export const OfferSchema = z.object({
  /** Deterministic for the same inputs, e.g. `installment-6`, `freeze-36+waiver`. */
  id: z.string(),
  kind: PlanKindSchema,
  /** Present when late fees and penalty interest are waived on top of the plan. */
  waiver: z.object({ waivedMinor: MinorSchema.positive(), afterPayments: z.number().int().positive() }).optional(),
  /** The usual monthly payment of the plan (for grace: the payment once the pause ends). */
  monthlyMinor: MinorSchema.nonnegative(),
  /** The highest single payment in the schedule (what affordability is checked against). */
  highestPaymentMinor: MinorSchema.nonnegative(),
  /** Number of entries in the schedule, pause months included. */
  months: z.number().int().positive(),
  graceMonths: z.number().int().nonnegative().default(0),
  /** Sum of the plan's payments (regular contract payments aside), to the last minor unit: principal + interest + fees. */
  totalMinor: MinorSchema.nonnegative(),
  cost: OfferCostSchema,
  schedule: z.array(PaymentSchema).min(1),
  /** True when nothing affordable was allowed and this is the longest allowed plan, shown with a note. */
  fallback: z.boolean(),
  /** A pause offered when nothing fits today: it fits the income the borrower expects back after it, not today's. */
  afterRecovery: z.literal(true).optional(),
  /** Prompt keys of the conditions that apply, e.g. `condition.waiverVoidedOnMiss`. */
  conditions: z.array(z.string()),
});
export type Offer = z.infer<typeof OfferSchema>;

/** The facts that led to a set of offers, said back when the borrower asks "why this offer?". */
export const OfferBasisSchema = z.object({
  tier: z.enum(TIERS),
  reason: HardshipReasonSchema,
  duration: HardshipDurationSchema,
  disposableMinor: MinorSchema,
  affordableMinor: MinorSchema.nonnegative(),
  brokenArrangements12m: z.number().int().nonnegative(),
});
export type OfferBasis = z.infer<typeof OfferBasisSchema>;
