// The shape shared by the kinds with a choosable term (installment, extend, freeze), and term search.
import type { Offer } from '../offer.js';
import type { OfferCase } from '../offerCase.js';
import { scheduleHighestMinor, shortestTermWithin, type ScheduleSpec } from '../schedule.js';

export interface TermRange {
  minMonths: number;
  maxMonths: number;
}

export interface MonthlyPlan {
  kind: 'installment' | 'extend' | 'freeze';
  /** The terms the policy allows for this case, or undefined when the kind does not apply. */
  termRange(c: OfferCase): TermRange | undefined;
  /** The schedule of the plan over `months` (what `build` builds). */
  scheduleSpec(c: OfferCase, months: number): ScheduleSpec;
  build(c: OfferCase, months: number): Offer;
}

/** What `plan.build(c, months).highestPaymentMinor` is, computed without building the schedule (term search is hot). */
export function planHighestMinor(c: OfferCase, plan: MonthlyPlan, months: number): number {
  return scheduleHighestMinor(plan.scheduleSpec(c, months));
}

/** The shortest allowed term whose highest payment is at most `limitMinor`. */
export function shortestWithin(c: OfferCase, plan: MonthlyPlan, limitMinor: number): Offer | undefined {
  const range = plan.termRange(c);
  if (!range) return undefined;
  const months = shortestTermWithin((term) => plan.scheduleSpec(c, term), range.minMonths, range.maxMonths, limitMinor);
  return months === undefined ? undefined : plan.build(c, months);
}

/** The longest allowed term (usually the lowest monthly payment). */
export function longestTerm(c: OfferCase, plan: MonthlyPlan): Offer | undefined {
  const range = plan.termRange(c);
  return range ? plan.build(c, range.maxMonths) : undefined;
}

/** The smallest highest payment any allowed term of the plan reaches (Infinity when the plan does not apply). */
export function lowestHighestPaymentMinor(c: OfferCase, plan: MonthlyPlan): number {
  const range = plan.termRange(c);
  let lowest = Infinity;
  if (range)
    for (let months = range.minMonths; months <= range.maxMonths; months += 1)
      lowest = Math.min(lowest, planHighestMinor(c, plan, months));
  return lowest;
}
