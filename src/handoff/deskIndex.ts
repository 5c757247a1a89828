// Every case the desk has seen, one summary each, so views and search find held, agreed and closed cases again.
import { z } from 'zod';
import { LocaleSchema } from '../domain/account.js';
import { CaseStatusSchema, EscalationReasonSchema, PrioritySchema } from '../domain/case.js';
import { TIERS } from '../domain/tier.js';

export const DeskCaseSchema = z.object({
  caseId: z.string(),
  status: CaseStatusSchema,
  locale: LocaleSchema,
  reason: EscalationReasonSchema,
  priority: PrioritySchema,
  queuedAt: z.iso.datetime(),
  agentId: z.string().optional(),
  /** True when the case waits for a supervisor (transferred to the supervisors' queue). */
  forSupervisors: z.boolean().optional(),
  accountRef: z.string().optional(),
  borrowerName: z.string().optional().describe('masked'),
  tier: z.enum(TIERS).optional(),
  reference: z.string().optional().describe('the agreement reference once agreed'),
  outcome: z.string().optional(),
  claimedAt: z.iso.datetime().optional(),
  firstResponseAt: z.iso.datetime().optional(),
  lastBorrowerAt: z.iso.datetime().optional(),
  lastAgentAt: z.iso.datetime().optional(),
  closedBy: z.string().optional(),
  closedAt: z.iso.datetime().optional(),
  /** The borrower's answer to the satisfaction survey after the close (1–5), and the agent it rates. */
  rating: z.number().int().min(1).max(5).optional(),
  ratedAgentId: z.string().optional(),
  updatedAt: z.iso.datetime(),
});
export type DeskCase = z.infer<typeof DeskCaseSchema>;

/** Implemented in src/store/memory/memoryDeskIndex.ts and src/store/redis/redisDeskIndex.ts, built by openStores. */
export interface DeskIndex {
  put(summary: DeskCase): Promise<void>;
  get(caseId: string): Promise<DeskCase | undefined>;
  list(): Promise<DeskCase[]>;
  /** Forgets a case's summary (erasure on request). */
  remove(caseId: string): Promise<void>;
}
