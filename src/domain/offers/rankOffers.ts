// "Best first": the one ordering of offers the bot presents, and what fitting means for each kind.
import { shareOfMinor, toBasisPoints } from './basisPoints.js';
import type { Offer, PlanKind } from './offer.js';
import type { OfferCase } from './offerCase.js';
import { presentValueMinor } from './cost/presentValue.js';

/** Ties on everything else are broken in this order. */
export const KIND_ORDER: readonly PlanKind[] = ['installment', 'grace', 'extend', 'freeze', 'settlement'];

/** What an offer's highest payment is held against: the lump sum the borrower has for a settlement, else the affordable monthly amount. */
export function limitFor(c: OfferCase, offer: Offer): number {
  return offer.kind === 'settlement' ? (c.hardship.lumpSumMinor ?? 0) : c.affordableMinor;
}

export function fitsAffordability(c: OfferCase, offer: Offer): boolean {
  return offer.highestPaymentMinor <= limitFor(c, offer);
}

/**
 * Orders offers best first, deterministically:
 * 1. fits affordability (highest payment ≤ the limit for its kind);
 * 2. leaves headroom: highest payment ≤ limit × (1 − affordability.headroom);
 * 3. worth most to the creditor today: present value of its payments at ranking.discountRate (cost/presentValue.ts);
 * 4. shortest (fewest schedule months, pause included);
 * 5. kind, in KIND_ORDER; then id.
 */
export function compareOffers(c: OfferCase): (a: Offer, b: Offer) => number {
  const keepBp = 10_000 - toBasisPoints(c.policy.affordability.headroom);
  const hasHeadroom = (offer: Offer) => offer.highestPaymentMinor <= shareOfMinor(limitFor(c, offer), keepBp);
  const yesFirst = (a: boolean, b: boolean) => Number(b) - Number(a);
  const values = new Map<Offer, number>();
  const valueOf = (offer: Offer) => {
    let value = values.get(offer);
    if (value === undefined) values.set(offer, (value = presentValueMinor(c, offer)));
    return value;
  };
  return (a, b) =>
    yesFirst(fitsAffordability(c, a), fitsAffordability(c, b)) ||
    yesFirst(hasHeadroom(a), hasHeadroom(b)) ||
    valueOf(b) - valueOf(a) ||
    a.months - b.months ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
