// What the lender's systems receive: one event type per outcome, with ids and times and no personal data.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const LENDER_EVENT_TYPES = [
  'agreement.recorded',
  'agreement.cancelled',
  'case.escalated',
  'case.claimed',
  'case.closed',
  'dispute.raised',
  'contact.opted_out',
  'identity.locked',
  'payment.recorded',
  'outreach.requested',
  'plan.payment_missed',
  'plan.broken',
  'plan.completed',
  'plan.waiver_earned',
  'plan.waiver_voided',
  'promise.made',
  'promise.kept',
  'promise.broken',
] as const;

export const LenderEventSchema = z.object({
  /** Stable across retries: the `webhook-id` header, for the receiver's de-duplication. */
  id: z.string().min(1),
  /** A dotted name, e.g. `agreement.recorded`; later features add their own (the plan's `plan.*`). */
  type: z.string().regex(/^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/, 'a dotted lower-case name'),
  /** The case it happened in; absent for an account not in a conversation yet (outreach). */
  caseId: z.string().min(1).optional(),
  accountRef: z.string().optional(),
  at: z.iso.datetime(),
  /** Facts the lender already holds or that the case produced (references, amounts, reasons): never transcript text. */
  data: z.record(z.string(), z.unknown()),
});
export type LenderEvent = z.infer<typeof LenderEventSchema>;

/** A new event with a fresh id: what a commit emits through `CaseCommit.outbox`. */
export function lenderEvent(
  type: string,
  at: string,
  about: { caseId?: string | undefined; accountRef?: string | undefined },
  data: Record<string, unknown> = {},
): LenderEvent {
  return {
    id: `evt_${randomUUID()}`,
    type,
    ...(about.caseId ? { caseId: about.caseId } : {}),
    ...(about.accountRef ? { accountRef: about.accountRef } : {}),
    at,
    data,
  };
}

/** The webhook body, as Standard Webhooks suggests it: `type`, `timestamp`, `data`. */
export function webhookPayload(event: LenderEvent): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.at,
    data: {
      eventId: event.id,
      ...(event.caseId ? { caseId: event.caseId } : {}),
      ...(event.accountRef ? { accountRef: event.accountRef } : {}),
      ...event.data,
    },
  });
}
