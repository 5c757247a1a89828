// What a plan charges on the money it reschedules, as the policy states it per kind, and the rate that gives for an account.
import { z } from 'zod';
import type { Account } from '../account.js';
import { toBasisPoints } from './basisPoints.js';

/**
 * `contract`: the account's contract rate; `penalty`: its penalty rate (罚息); `none`: no interest;
 * `{ reducedRate: 0.12 }`: a policy rate, never above the contract rate.
 */
export const InterestChargeSchema = z.union([
  z.enum(['contract', 'penalty', 'none']),
  z.strictObject({ reducedRate: z.number().min(0).max(1) }),
]);
export type InterestCharge = z.infer<typeof InterestChargeSchema>;

/** The nominal annual rate in basis points the charge means for this account. */
export function chargeRateBps(
  charge: InterestCharge,
  account: Pick<Account, 'contractRateBps' | 'penaltyRateBps'>,
): number {
  if (charge === 'none') return 0;
  if (charge === 'contract') return account.contractRateBps;
  if (charge === 'penalty') return account.penaltyRateBps;
  return Math.min(toBasisPoints(charge.reducedRate), account.contractRateBps);
}

export function chargesInterest(charge: InterestCharge): boolean {
  return charge !== 'none' && !(typeof charge === 'object' && charge.reducedRate === 0);
}
