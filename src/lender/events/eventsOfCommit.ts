// The lender events a case commit causes, read from the transcript events it appends: one mapping for every writer.
import type { Agreement, CaseRecord } from '../../domain/case.js';
import type { TranscriptEntry } from '../../domain/transcript.js';
import { lenderEvent, type LenderEvent } from '../../domain/lenderEvent.js';

/** What a lender may see of an agreement: the plan and its schedule, no borrower details. */
function agreementFacts(agreement: Agreement): Record<string, unknown> {
  return {
    reference: agreement.reference,
    currency: agreement.currency,
    kind: agreement.offer.kind,
    offerId: agreement.offer.id,
    monthlyMinor: agreement.offer.monthlyMinor,
    totalMinor: agreement.offer.totalMinor,
    months: agreement.offer.months,
    ...(agreement.offer.waiver ? { waivedMinor: agreement.offer.waiver.waivedMinor } : {}),
    schedule: agreement.dueDates,
    agreedAt: agreement.agreedAt,
    recordedBy: agreement.recordedBy,
  };
}

/** Copies only the named fields of an entry's data (never free text such as an agent's note). */
function pick(data: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => data?.[key] !== undefined).map((key) => [key, data?.[key]]));
}

/** What the plan's events tell the lender: the agreement, the instalment, counts and dates (src/followup/). */
const PLAN_FACTS = ['reference', 'instalment', 'dueDate', 'missed', 'byDate', 'at'] as const;

export function eventsOfCommit(commit: {
  record: CaseRecord;
  append: readonly TranscriptEntry[];
  agreement?: Agreement | undefined;
}): LenderEvent[] {
  const about = { caseId: commit.record.caseId, accountRef: commit.record.accountRef };
  const events: LenderEvent[] = [];
  for (const entry of commit.append) {
    if (entry.kind !== 'event') continue;
    const emit = (type: string, data: Record<string, unknown>) => events.push(lenderEvent(type, entry.at, about, data));
    switch (entry.text) {
      case 'agreement.recorded':
        emit(
          'agreement.recorded',
          commit.agreement ? agreementFacts(commit.agreement) : pick(entry.data, ['reference']),
        );
        break;
      case 'agreement.cancelled':
        emit('agreement.cancelled', pick(entry.data, ['reference', 'by', 'reason']));
        break;
      case 'case.escalated':
        emit('case.escalated', pick(entry.data, ['reason', 'priority']));
        if (entry.data?.reason === 'dispute') emit('dispute.raised', {});
        if (entry.data?.reason === 'identityLocked') emit('identity.locked', {});
        break;
      case 'case.claimed':
        emit('case.claimed', { agentId: entry.actorId });
        break;
      case 'case.closed':
        emit('case.closed', pick(entry.data, ['by', 'outcome']));
        break;
      case 'payment.recorded':
        emit('payment.recorded', pick(entry.data, ['paymentId', 'amountMinor', 'currency', 'paidAt']));
        break;
      case 'plan.payment_missed':
      case 'plan.broken':
      case 'plan.completed':
      case 'plan.waiver_earned':
      case 'plan.waiver_voided':
      case 'promise.made':
      case 'promise.kept':
      case 'promise.broken':
        emit(entry.text, pick(entry.data, PLAN_FACTS));
        break;
      case 'contact.optedOut':
        emit('contact.opted_out', {});
        break;
    }
  }
  return events;
}
