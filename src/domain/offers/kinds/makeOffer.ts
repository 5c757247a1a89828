// Turns a computed schedule into an Offer: id, amounts, cost (interest, fees, waiver, annualised rate), conditions.
import type { ConditionKey } from '../conditions.js';
import { scheduleAprBps } from '../cost/annualRate.js';
import type { Offer, OfferCost, Payment, PlanKind } from '../offer.js';
import type { OfferCase } from '../offerCase.js';
import { highestPaymentMinor } from '../schedule.js';

export interface PlanDraft {
  kind: PlanKind;
  /** The number in the id: the term in months, or for grace the pause. */
  idNumber: number;
  schedule: Payment[];
  graceMonths?: number;
  /** Fees waived (earned by keeping the first payments). */
  waivedMinor: number;
  /** A settlement's discount, also no longer owed. */
  discountMinor?: number;
  covers?: OfferCost['covers'];
  conditions: ConditionKey[];
}

function costOf(draft: PlanDraft): OfferCost {
  let principalMinor = 0;
  let interestMinor = 0;
  let feesMinor = 0;
  for (const p of draft.schedule) {
    principalMinor += p.principalMinor;
    interestMinor += p.interestMinor;
    feesMinor += p.feesMinor;
  }
  return {
    principalMinor,
    interestMinor,
    feesMinor,
    waivedMinor: draft.waivedMinor + (draft.discountMinor ?? 0),
    aprBps: scheduleAprBps(draft.schedule),
    covers: draft.covers ?? 'balance',
  };
}

export function makeOffer(c: OfferCase, draft: PlanDraft): Offer {
  const paying = draft.schedule.filter((payment) => payment.amountMinor > 0);
  const waiver =
    draft.waivedMinor > 0 && paying.length > 0
      ? { waivedMinor: draft.waivedMinor, afterPayments: Math.min(c.policy.waiver.afterPayments, paying.length) }
      : undefined;
  const conditions: string[] = [...draft.conditions];
  if (waiver) conditions.push(...c.policy.waiver.conditions);
  if (draft.kind !== 'settlement' && draft.schedule.length > c.policy.review.everyMonths)
    conditions.push('condition.reviewEveryMonths');
  const cost = costOf(draft);
  return {
    id: `${draft.kind}-${draft.idNumber}${waiver ? '+waiver' : ''}`,
    kind: draft.kind,
    ...(waiver ? { waiver } : {}),
    monthlyMinor: paying[0]?.amountMinor ?? 0,
    highestPaymentMinor: highestPaymentMinor(draft.schedule),
    months: draft.schedule.length,
    graceMonths: draft.graceMonths ?? 0,
    totalMinor: cost.principalMinor + cost.interestMinor + cost.feesMinor,
    cost,
    schedule: draft.schedule,
    fallback: false,
    conditions: [...new Set(conditions)],
  };
}
