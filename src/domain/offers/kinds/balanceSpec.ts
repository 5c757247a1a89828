// The schedule of a plan that re-spreads the whole balance at its kind's policy rate, fees unless waived (extend, freeze).
import { displayUnitMinor } from '../../money.js';
import { chargeRateBps } from '../interestCharge.js';
import { waivedFeesMinor, type OfferCase } from '../offerCase.js';
import type { ScheduleSpec } from '../schedule.js';

export function balanceSpec(c: OfferCase, kind: 'extend' | 'freeze', months: number): ScheduleSpec {
  return {
    principalMinor: c.account.balanceMinor,
    // `flows check` holds freeze.interest at none; it is read like any other so the policy stays the one source.
    rateBps: chargeRateBps(c.policy[kind].interest, c.account),
    months,
    feesMinor: c.account.feesMinor - waivedFeesMinor(c, kind),
    unitMinor: displayUnitMinor(c.account.currency),
  };
}
