// 一次性结清减免: a discounted lump sum of balance and fees, no interest, only from money the borrower said they have.
import { shareOfMinor, toBasisPoints } from '../basisPoints.js';
import type { Offer } from '../offer.js';
import { isKindAllowed, waivedFeesMinor, type OfferCase } from '../offerCase.js';
import { makeOffer } from './makeOffer.js';

/** The discount for the case's days past due, in basis points, capped by settlement.maxDiscount; undefined before the first step. */
export function settlementDiscountBp(c: OfferCase): number | undefined {
  const { discountByDaysPastDue, maxDiscount } = c.policy.settlement;
  const step = discountByDaysPastDue.filter((s) => s.fromDays <= c.account.daysPastDue).at(-1);
  return step === undefined ? undefined : Math.min(toBasisPoints(step.discount), toBasisPoints(maxDiscount));
}

/**
 * Offered only when hardship.lumpSumMinor covers the lump sum: the bot never pushes anyone to borrow to repay.
 * The discount comes off the balance first, then off the fees; the lump sum's split says what remains of each.
 */
export function buildSettlement(c: OfferCase): Offer | undefined {
  const discountBp = settlementDiscountBp(c);
  if (!isKindAllowed(c, 'settlement') || discountBp === undefined) return undefined;
  const offer = settlementOffer(c, discountBp);
  if (offer.totalMinor === 0 || c.hardship.lumpSumMinor === undefined || c.hardship.lumpSumMinor < offer.totalMinor)
    return undefined;
  return offer;
}

/** The lump sum at `discountBp` off balance + fees (unless waived), whoever grants the discount (policy, or an agent within authority). */
export function settlementOffer(c: OfferCase, discountBp: number): Offer {
  const waivedMinor = waivedFeesMinor(c, 'settlement');
  const baseMinor = c.account.balanceMinor + c.account.feesMinor - waivedMinor;
  const discountMinor = shareOfMinor(baseMinor, discountBp);
  const lumpMinor = baseMinor - discountMinor;
  const principalMinor = Math.max(0, c.account.balanceMinor - discountMinor);
  return makeOffer(c, {
    kind: 'settlement',
    idNumber: 1,
    schedule: [
      {
        month: 1,
        amountMinor: lumpMinor,
        principalMinor,
        interestMinor: 0,
        feesMinor: lumpMinor - principalMinor,
        regularMinor: 0,
      },
    ],
    waivedMinor,
    discountMinor,
    conditions: ['condition.settlementDueWithinDays'],
  });
}
