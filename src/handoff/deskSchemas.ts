// The agent API's request and response bodies: validated with zod, and the source of /api/agent/openapi.json.
import { z } from 'zod';
import { PlanViewSchema } from './planView.js';
import { LocaleSchema } from '../domain/account.js';
import {
  AgreementSchema,
  CaseStatusSchema,
  EscalationReasonSchema,
  HandoffSchema,
  PrioritySchema,
  SurveySchema,
} from '../domain/case.js';
import { HardshipSchema } from '../domain/hardship.js';
import { StoredPaymentSchema } from '../domain/payment.js';
import { OfferBasisSchema, OfferSchema } from '../domain/offers/offer.js';
import { TIERS } from '../domain/tier.js';
import { TranscriptEntrySchema } from '../domain/transcript.js';
import { ProposalSchema } from './proposeOffer.js';
import { DeskCaseSchema } from './deskIndex.js';
import { CannedReplySchema } from '../dialogs/cannedReplies.js';

export { ProposalSchema };

export const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const QueueItemSchema = z.object({
  caseId: z.string(),
  reason: EscalationReasonSchema,
  priority: PrioritySchema,
  queuedAt: z.iso.datetime(),
  waitingSeconds: z.number().int().nonnegative(),
  locale: LocaleSchema,
  channelId: z.string(),
  identityVerified: z.boolean().describe('false: the borrower has not passed the identity check; no amounts are shown'),
  tier: z.enum(TIERS).optional(),
  overdueMinor: z.number().int().optional(),
  currency: z.string().optional(),
});
export const QueueResponseSchema = z.object({ cases: z.array(QueueItemSchema) });
export type QueueItem = z.infer<typeof QueueItemSchema>;

export const ClaimRequestSchema = z.strictObject({
  /** Supervisors only: take a case another agent holds. */
  reassign: z.boolean().optional(),
});
export const ClaimResponseSchema = z.object({
  caseId: z.string(),
  agentId: z.string(),
  claimedAt: z.iso.datetime(),
  delivered: z.boolean(),
});

export const AccountFactsSchema = z.object({
  accountRef: z.string(),
  creditor: z.string(),
  product: z.enum(['loan', 'card']),
  currency: z.string(),
  borrowerName: z.string().describe('masked: 王** / J***'),
  balanceMinor: z.number().int(),
  overdueMinor: z.number().int(),
  feesMinor: z.number().int(),
  regularMonthlyMinor: z.number().int(),
  remainingMonths: z.number().int(),
  daysPastDue: z.number().int(),
  tier: z.enum(TIERS),
  brokenArrangements12m: z.number().int(),
});

export const CaseViewSchema = z.object({
  caseId: z.string(),
  status: CaseStatusSchema,
  locale: LocaleSchema,
  channelId: z.string(),
  handoff: HandoffSchema.optional(),
  identityVerified: z
    .boolean()
    .describe(
      'false: the borrower has not passed the identity check; the account, offers and agreement wait until they have',
    ),
  account: AccountFactsSchema.optional(),
  interview: HardshipSchema.partial(),
  basis: OfferBasisSchema.optional(),
  offersShown: z.array(OfferSchema),
  offersProposed: z.array(OfferSchema),
  agreement: AgreementSchema.optional(),
  payments: z
    .array(StoredPaymentSchema)
    .describe('what the lender posted for the account, in the order received (none before the identity check)'),
  transcript: z.array(TranscriptEntrySchema),
  plan: PlanViewSchema.optional().describe('the agreed plan as it runs (after an agreement)'),
  survey: SurveySchema.optional().describe("the borrower's satisfaction survey after an agent's close"),
});
export type CaseView = z.infer<typeof CaseViewSchema>;

export const MessageRequestSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const DeliveryResponseSchema = z.object({
  delivered: z
    .boolean()
    .describe("false when the borrower's channel could not be reached; the transcript has the entry"),
});

export const ProposalResponseSchema = z.object({ offer: OfferSchema, delivered: z.boolean() });

export const AgreementRequestSchema = z.strictObject({ offerId: z.string().min(1) });
export const AgreementResponseSchema = z.object({ agreement: AgreementSchema, delivered: z.boolean() });

export const HandBackResponseSchema = z.object({
  state: z.string().describe('the machine state the bot resumes at'),
  delivered: z.boolean(),
});

export const CLOSE_OUTCOMES = [
  'resolved',
  'paidInFull',
  'disputeUpheld',
  'disputeRejected',
  'referredToSupport',
  'noResponse',
  'other',
] as const;
export const CloseRequestSchema = z.strictObject({
  outcome: z.enum(CLOSE_OUTCOMES),
  note: z.string().trim().max(500).optional(),
});
export const CloseResponseSchema = z.object({ outcome: z.enum(CLOSE_OUTCOMES), delivered: z.boolean() });

export const CaseListResponseSchema = z.object({ cases: z.array(DeskCaseSchema), now: z.iso.datetime() });

export const StaffResponseSchema = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string(), online: z.boolean() })),
});

export const ConsoleSettingsSchema = z.object({
  canned: z.partialRecord(LocaleSchema, z.array(CannedReplySchema)),
  targets: z.record(PrioritySchema, z.object({ firstResponseMinutes: z.number(), replyMinutes: z.number() })),
});

export const NoteRequestSchema = z.strictObject({ text: z.string().trim().min(1).max(2000) });
export const NoteResponseSchema = z.object({ at: z.iso.datetime() });

export const TransferRequestSchema = z.strictObject({
  /** The agent who takes over; omit to send the case to the supervisors' queue. */
  toAgentId: z.string().min(1).optional(),
  note: z.string().trim().max(2000).optional(),
});
export const TransferResponseSchema = z.object({ agentId: z.string().optional(), forSupervisors: z.boolean() });

/** The survey after an agent's close, per agent: average rating (1–5, one decimal) and how many answered. */
export const SatisfactionSchema = z.array(
  z.object({ agentId: z.string(), name: z.string(), average: z.number().nullable(), count: z.number().int() }),
);
export const SatisfactionResponseSchema = z.object({ agents: SatisfactionSchema });

export const FloorResponseSchema = z.object({
  agents: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.string(), online: z.boolean(), load: z.number().int() }),
  ),
  queue: z.array(
    z.object({
      caseId: z.string(),
      priority: PrioritySchema,
      reason: EscalationReasonSchema,
      waitingSeconds: z.number().int(),
    }),
  ),
  today: z.object({
    agreements: z.number().int(),
    outcomes: z.record(z.string(), z.number().int()),
    averageFirstResponseSeconds: z.number().int().nullable(),
  }),
  satisfaction: SatisfactionSchema,
});
