// A case: one negotiation with one borrower over one conversation, and what it produced.
import { z } from 'zod';
import { LocaleSchema } from './account.js';
import { OfferSchema } from './offers/offer.js';
import { PlanRecordSchema } from './plan.js';

export const CaseStatusSchema = z.enum(['active', 'escalated', 'agreed', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const ESCALATION_REASONS = [
  'vulnerability',
  'dispute',
  'declined',
  'counterOffersExhausted',
  'noAffordablePlan',
  'humanRequested',
  'identityFailed',
  'identityLocked',
  'explanationRefused',
] as const;
export const EscalationReasonSchema = z.enum(ESCALATION_REASONS);
export type EscalationReason = z.infer<typeof EscalationReasonSchema>;
export const PrioritySchema = z.enum(['urgent', 'high', 'normal']);
export type Priority = z.infer<typeof PrioritySchema>;

export const HandoffSchema = z.object({
  reason: EscalationReasonSchema,
  priority: PrioritySchema,
  queuedAt: z.iso.datetime(),
  agentId: z.string().optional(),
  claimedAt: z.iso.datetime().optional(),
  /** Transferred to the supervisors' queue: only supervisors see and claim it. */
  forSupervisors: z.boolean().optional(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const AgreementSchema = z.object({
  reference: z.string(),
  caseId: z.string(),
  accountRef: z.string(),
  currency: z.string(),
  offer: OfferSchema,
  dueDates: z.array(z.object({ month: z.number().int(), dueDate: z.iso.date(), amountMinor: z.number().int() })),
  agreedAt: z.iso.datetime(),
  /** Who recorded it: the bot on the borrower's explicit consent, or an agent. */
  recordedBy: z.string(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

/** The borrower cancelled an agreement within the policy window: appended, the agreement itself is never changed. */
export const AgreementCancellationSchema = z.object({
  reference: z.string(),
  caseId: z.string(),
  cancelledAt: z.iso.datetime(),
  by: z.enum(['borrower']),
});
export type AgreementCancellation = z.infer<typeof AgreementCancellationSchema>;

/** The one-question satisfaction survey after an agent closed the case: asked once, answered once. */
export const SurveySchema = z.object({
  /** The agent whose service is rated. */
  agentId: z.string(),
  askedAt: z.iso.datetime(),
  /** `rating`/`comment`: waiting for that answer; `answered` (a rating, comment or not), `declined` (no rating). */
  state: z.enum(['rating', 'comment', 'answered', 'declined']),
  rating: z.number().int().min(1).max(5).optional(),
  /** Masked as the transcript is. */
  comment: z.string().optional(),
  answeredAt: z.iso.datetime().optional(),
});
export type Survey = z.infer<typeof SurveySchema>;

export const CaseRecordSchema = z.object({
  caseId: z.string(),
  channelId: z.string(),
  conversationId: z.string(),
  /** The Bot Framework conversation reference, kept to reach the borrower proactively. */
  conversationRef: z.record(z.string(), z.unknown()),
  accountRef: z.string().optional(),
  /** True once the borrower passed the identity check; the desk shows no amounts and makes no offers until then. */
  identityVerified: z.boolean().optional(),
  /**
   * A case past its negotiation (agreed, escalated, closed) opened on a new device: the identity questions asked
   * there before anything of the case is shown (src/conversation/verifyAfterTheEnd.ts).
   */
  reverify: z
    .object({
      asking: z.enum(['idLast4', 'date']),
      idLast4Matched: z.boolean().optional(),
      failures: z.number().int().min(0),
    })
    .optional(),
  locale: LocaleSchema,
  /** Content hash of the dialogs/ bundle this conversation started on. */
  flowVersion: z.string(),
  /** The experiment whose arm chose `flowVersion` (src/dialogs/versions/experiments.ts), if any. */
  experiment: z.string().optional(),
  /** The persisted XState snapshot of the negotiation machine. */
  snapshot: z.unknown(),
  status: CaseStatusSchema,
  handoff: HandoffSchema.optional(),
  agreementRef: z.string().optional(),
  /** The agreed plan as it runs (dialogs/plan.flow.yaml), from the agreement on. */
  plan: PlanRecordSchema.optional(),
  /** The satisfaction survey sent when an agent closed the case (src/handoff/satisfactionSurvey.ts). */
  survey: SurveySchema.optional(),
  createdAt: z.iso.datetime(),
  lastActivityAt: z.iso.datetime(),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;
