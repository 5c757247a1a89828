// The shape shared by the kinds with a choosable term (installment, extend, freeze), and term search.
import type { Offer } from '../offer.js';
import type { OfferCase } from '../offerCase.js';

export interface TermRange {
  minMonths: number;
  maxMonths: number;
}

export interface MonthlyPlan {
  kind: 'installment' | 'extend' | 'freeze';
  /** The terms the policy allows for this case, or undefined when the kind does not apply. */
  termRange(c: OfferCase): TermRange | undefined;
  build(c: OfferCase, months: number): Offer;
  /** What `build(c, months).highestPaymentMinor` is, computed without building the schedule (term search is hot). */
  highestPaymentMinor(c: OfferCase, months: number): number;
}

/** The shortest allowed term whose highest payment is at most `limitMinor`. */
export function shortestWithin(c: OfferCase, plan: MonthlyPlan, limitMinor: number): Offer | undefined {
  const range = plan.termRange(c);
  if (!range) return undefined;
  for (let months = range.minMonths; months <= range.maxMonths; months += 1) {
    if (plan.highestPaymentMinor(c, months) <= limitMinor) return plan.build(c, months);
  }
  return undefined;
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
  if (range) for (let months = range.minMonths; months <= range.maxMonths; months += 1) lowest = Math.min(lowest, plan.highestPaymentMinor(c, months));
  return lowest;
}
