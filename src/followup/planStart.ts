// A plan's record: its first context from the agreement, and the record after each step (a new plan keeps the old).
import type { Agreement } from '../domain/case.js';
import { localDateTime, type PlanContext, type PlanRecord } from '../domain/plan.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { PlanStep } from './stepPlan.js';

/** Step ids remembered (jobs, payments, turns): a redelivery of one of them changes nothing. */
export const HANDLED_KEPT = 200;
const CONTACTS_KEPT = 50;

/** Builds the plan's first context from the agreement, the account's time zone and the policy of the case's version. */
export function planInput(agreement: Agreement, timeZone: string, bundle: DialogBundle): PlanContext {
  const agreedAt = new Date(agreement.agreedAt);
  const local = localDateTime(agreedAt, timeZone);
  const instalments = agreement.dueDates
    .filter((line) => line.amountMinor > 0)
    .map((line, index) => ({
      n: index + 1,
      dueDate: line.dueDate,
      amountMinor: line.amountMinor,
      paidMinor: 0,
      status: 'upcoming' as const,
    }));
  const follow = bundle.policy.followUp;
  return {
    caseId: agreement.caseId,
    reference: agreement.reference,
    currency: agreement.currency,
    timeZone,
    contactTime: local.time,
    agreedOn: agreement.agreedAt.slice(0, 10),
    instalments,
    current: 0,
    missed: 0,
    onTime: 0,
    waiver: agreement.offer.waiver ? 'pending' : 'none',
    dueDayMoves: 0,
    reviews: 0,
    figures: {
      ...follow,
      reviewEveryMonths: bundle.policy.review.everyMonths,
      waiverAfterPayments: agreement.offer.waiver?.afterPayments ?? 0,
    },
  };
}

/**
 * The plan record after a step. `fresh`: a new agreement's plan replaces the one before, which is kept in `earlier`
 * as it ended; the handled ids, contacts (the caps count them), held messages and broken count carry over.
 */
export function nextPlanRecord(input: {
  previous: PlanRecord | undefined;
  step: PlanStep;
  stepId: string;
  at: string;
  fresh: boolean;
  /** A proactive message went out in this step (the frequency cap counts it). */
  spoke: boolean;
  held: readonly OutgoingMessage[];
  /** Set when this step counted a broken arrangement (二次协商). */
  brokenArrangements12m: number | undefined;
}): PlanRecord {
  const { previous, step, at, fresh } = input;
  const ended = fresh && previous ? (previous.snapshot as { context?: PlanContext }).context : undefined;
  const broken = input.brokenArrangements12m ?? previous?.brokenArrangements12m;
  return {
    snapshot: step.persisted,
    state: step.state,
    startedAt: fresh || !previous ? at : previous.startedAt,
    contacts: [...(previous?.contacts ?? []), ...(input.spoke ? [at] : [])].slice(-CONTACTS_KEPT),
    handled: [...(previous?.handled ?? []), input.stepId].slice(-HANDLED_KEPT),
    held: input.held.map((message) => ({ ...message })),
    earlier: [
      ...(previous?.earlier ?? []),
      ...(previous && ended
        ? [{ reference: ended.reference, state: previous.state, startedAt: previous.startedAt, endedAt: at }]
        : []),
    ],
    ...(broken !== undefined ? { brokenArrangements12m: broken } : {}),
  };
}
