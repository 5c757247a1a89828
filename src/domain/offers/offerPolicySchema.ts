// The offer policy's schema (dialogs/offer-policy.yaml) and the jurisdictions' ceilings.
import { z } from 'zod';
import { ContactPolicySchema, DEFAULT_CONTACT_POLICY } from '../contact/contactGate.js';
import { HardshipDurationSchema, HardshipReasonSchema } from '../hardship.js';
import { TIERS } from '../tier.js';
import { CONDITION_KEYS } from './conditions.js';
import { InterestChargeSchema } from './interestCharge.js';
import { PlanKindSchema } from './offer.js';

export const JURISDICTIONS = ['CN', 'US', 'UK'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/**
 * Hard ceilings a jurisdiction profile sets; the policy file may tighten them, never loosen.
 * CN: a personalised instalment (freeze) lasts at most 5 years (credit-card rules Art. 70).
 * US and UK leave these limits to the policy. An agent's authority never lifts a ceiling either.
 */
export const JURISDICTION_CEILINGS: Record<Jurisdiction, { freezeMaxMonths?: number }> = {
  CN: { freezeMaxMonths: 60 },
  US: {},
  UK: {},
};

const months = z.number().int().min(1).max(600);
const ratio = z.number().min(0).max(1);
const tier = z.enum(TIERS);
const enabled = z.boolean().default(true);

const AuthoritySchema = z.strictObject({
  /** Months an agent may add beyond a kind's policy maximum (jurisdiction ceilings still apply). */
  extraMonths: z.number().int().min(0).max(120),
  maxSettlementDiscount: ratio,
  mayWaiveFees: z.boolean(),
});

export const OfferPolicySchema = z.strictObject({
  jurisdiction: z.enum(JURISDICTIONS),
  affordability: z.strictObject({ ratio: ratio.gt(0), headroom: z.number().min(0).max(0.5) }),
  maxOffersShown: z.number().int().min(1).max(5),
  counterOffers: z.strictObject({ maxAttempts: z.number().int().min(1).max(10) }),
  review: z.strictObject({ everyMonths: months.max(24) }),
  followUp: z
    .strictObject({
      /** Days before each due date the borrower is reminded. */
      remindDaysBefore: z.number().int().min(0).max(14),
      /** Days after a due date a payment still counts as paid (late, but not missed). */
      graceDays: z.number().int().min(0).max(30),
      /** Days the borrower has to answer the check-in after a missed payment before the plan is broken. */
      answerWithinDays: z.number().int().min(1).max(30),
      /** A promise to pay may name a date at most this many days after the check-in. */
      promiseWithinDays: z.number().int().min(1).max(30),
      /** Missed instalments that break the plan. */
      brokenAfterMissed: z.number().int().min(1).max(6),
      /** Times per plan the borrower may move the due day without a person. */
      dueDayMovesPerPlan: z.number().int().min(0).max(3),
    })
    .default({
      remindDaysBefore: 3,
      graceDays: 3,
      answerWithinDays: 5,
      promiseWithinDays: 7,
      brokenAfterMissed: 2,
      dueDayMovesPerPlan: 1,
    }),
  /** After the bot records an agreement, the borrower may cancel it ("撤销协议") for this many hours. */
  agreement: z
    .strictObject({
      cancelWithinHours: z
        .number()
        .min(0)
        .max(24 * 30),
    })
    .default({ cancelWithinHours: 24 }),
  conversation: z.strictObject({
    identity: z.strictObject({
      maxTries: z.number().int().min(1).max(10),
      accountLock: z.strictObject({
        maxFailures: z.number().int().min(1).max(50),
        windowHours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30),
        lockMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60 * 30),
      }),
    }),
    reorientAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    maxMisunderstandings: z.number().int().min(1).max(10),
  }),
  /** Ranking's second key: the creditor's recovery in present value, discounted at this annual rate. */
  ranking: z.strictObject({ discountRate: ratio }),
  grace: z.strictObject({
    enabled,
    /** Interest on the balance once payments resume. */
    interest: InterestChargeSchema,
    /** `accrue`: interest at that rate accrues during the pause and is repaid after it; `freeze`: none accrues. */
    duringPause: z.enum(['accrue', 'freeze']),
    minMonths: months,
    maxMonths: months.max(12),
    maxTier: tier,
    durations: z.array(HardshipDurationSchema).min(1),
    reasons: z.array(HardshipReasonSchema).min(1),
  }),
  extend: z.strictObject({ enabled, interest: InterestChargeSchema, maxTotalMonths: months }),
  installment: z.strictObject({ enabled, interest: InterestChargeSchema, minMonths: months, maxMonths: months }),
  freeze: z.strictObject({
    enabled,
    interest: InterestChargeSchema,
    minMonths: months,
    maxMonths: months,
    durations: z.array(HardshipDurationSchema),
    minTier: tier,
  }),
  waiver: z.strictObject({
    enabled,
    afterPayments: z.number().int().min(1).max(24),
    combinesWith: z.array(PlanKindSchema),
    conditions: z.array(z.enum(CONDITION_KEYS)),
  }),
  settlement: z.strictObject({
    enabled,
    interest: InterestChargeSchema,
    minTier: tier,
    discountByDaysPastDue: z.array(z.strictObject({ fromDays: z.number().int().min(0), discount: ratio })).min(1),
    maxDiscount: ratio,
    payWithinDays: z.number().int().min(1).max(90),
  }),
  secondArrangement: z.strictObject({
    allowGrace: z.boolean(),
    allowWaiver: z.boolean(),
    installmentMaxMonths: months,
  }),
  authority: z.strictObject({ agent: AuthoritySchema, supervisor: AuthoritySchema }),
  /** Proactive contact (outreach, reminders): contact hours within the jurisdiction's, and frequency caps. */
  contact: ContactPolicySchema.default(DEFAULT_CONTACT_POLICY),
  /** The desk's service targets per priority, in minutes: the console colours its timers against them. */
  deskTargets: z
    .record(
      z.enum(['urgent', 'high', 'normal']),
      z.strictObject({
        firstResponseMinutes: z.number().min(0.5).max(1440),
        replyMinutes: z.number().min(0.5).max(1440),
      }),
    )
    .default({
      urgent: { firstResponseMinutes: 2, replyMinutes: 2 },
      high: { firstResponseMinutes: 5, replyMinutes: 5 },
      normal: { firstResponseMinutes: 15, replyMinutes: 10 },
    }),
  /** Days a case is kept after its last change while still open, by state (agreed and closed: RETENTION_DAYS). */
  retention: z
    .strictObject({
      activeIdleDays: z.number().int().min(1).max(3650),
      escalatedIdleDays: z.number().int().min(1).max(3650),
    })
    .default({ activeIdleDays: 30, escalatedIdleDays: 180 }),
});
export type OfferPolicy = z.infer<typeof OfferPolicySchema>;
