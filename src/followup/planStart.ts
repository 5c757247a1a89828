// The first context of a plan, built from its agreement, the account's time zone and the case version's policy.
import type { Agreement } from '../domain/case.js';
import { localDateTime, type PlanContext } from '../domain/plan.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';

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
