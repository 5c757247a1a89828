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
}

/** Every allowed term of a plan, shortest first. */
export function allTerms(c: OfferCase, plan: MonthlyPlan): Offer[] {
  const range = plan.termRange(c);
  if (!range) return [];
  const offers: Offer[] = [];
  for (let months = range.minMonths; months <= range.maxMonths; months += 1) offers.push(plan.build(c, months));
  return offers;
}

/** The shortest allowed term whose highest payment is at most `limitMinor`. */
export function shortestWithin(c: OfferCase, plan: MonthlyPlan, limitMinor: number): Offer | undefined {
  return allTerms(c, plan).find((offer) => offer.highestPaymentMinor <= limitMinor);
}

/** The longest allowed term (usually the lowest monthly payment). */
export function longestTerm(c: OfferCase, plan: MonthlyPlan): Offer | undefined {
  return allTerms(c, plan).at(-1);
}
