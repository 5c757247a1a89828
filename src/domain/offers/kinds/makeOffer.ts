// Turns a computed schedule into an Offer: id, amounts, waiver, and the conditions every kind shares.
import type { ConditionKey } from '../conditions.js';
import type { Offer, Payment, PlanKind } from '../offer.js';
import type { OfferCase } from '../offerCase.js';
import { highestPaymentMinor, scheduleTotalMinor } from '../schedule.js';

export interface PlanDraft {
  kind: PlanKind;
  /** The number in the id: the term in months, or for grace the pause. */
  idNumber: number;
  schedule: Payment[];
  graceMonths?: number;
  waivedMinor: number;
  conditions: ConditionKey[];
}

export function makeOffer(c: OfferCase, draft: PlanDraft): Offer {
  const paying = draft.schedule.filter((payment) => payment.amountMinor > 0);
  const waiver = draft.waivedMinor > 0 && paying.length > 0 ? { waivedMinor: draft.waivedMinor, afterPayments: Math.min(c.policy.waiver.afterPayments, paying.length) } : undefined;
  const conditions: string[] = [...draft.conditions];
  if (waiver) conditions.push(...c.policy.waiver.conditions);
  if (draft.kind !== 'settlement' && draft.schedule.length > c.policy.review.everyMonths) conditions.push('condition.reviewEveryMonths');
  return {
    id: `${draft.kind}-${draft.idNumber}${waiver ? '+waiver' : ''}`,
    kind: draft.kind,
    ...(waiver ? { waiver } : {}),
    monthlyMinor: paying[0]?.amountMinor ?? 0,
    highestPaymentMinor: highestPaymentMinor(draft.schedule),
    months: draft.schedule.length,
    graceMonths: draft.graceMonths ?? 0,
    totalMinor: scheduleTotalMinor(draft.schedule),
    schedule: draft.schedule,
    fallback: false,
    conditions: [...new Set(conditions)],
  };
}
