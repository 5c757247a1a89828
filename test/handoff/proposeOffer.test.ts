// An agent's offer: the rules module's plan, widened within the role's authority, never past the jurisdiction's ceiling.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { loadOfferPolicy } from '../helpers/dialogFiles.js';
import { proposeOffer } from '../../src/handoff/proposeOffer.js';

const policy = loadOfferPolicy('dialogs/offer-policy.yaml');
const accounts = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'dialogs/demo-accounts.yaml');
const illnessM4 = accounts.find((account) => account.accountRef === 'CC-88120034')!;
const hardship = {
  reason: 'illness',
  duration: 'longTerm',
  incomeMinor: 600_000,
  essentialSpendingMinor: 400_000,
  otherDebtPaymentsMinor: 0,
  dependants: 0,
} as const;

describe('proposeOffer (illnessM4, CN)', () => {
  test('freeze at the policy maximum of 60 months – allowed for an agent', () => {
    expect(
      proposeOffer({ account: illnessM4, hardship, policy, role: 'agent', proposal: { kind: 'freeze', months: 60 } })
        .months,
    ).toBe(60);
  });

  test('freeze over 60 months – refused for a supervisor too: the CN ceiling binds every role', () => {
    expect(() =>
      proposeOffer({
        account: illnessM4,
        hardship,
        policy,
        role: 'supervisor',
        proposal: { kind: 'freeze', months: 66 },
      }),
    ).toThrow(/jurisdiction CN allows at most 60 months/);
  });

  test('settlement discount 0.35 – agent allowed (authority 0.35), 0.4 refused, supervisor allowed up to 0.5', () => {
    const agent35 = proposeOffer({
      account: illnessM4,
      hardship,
      policy,
      role: 'agent',
      proposal: { kind: 'settlement', settlementDiscount: 0.35 },
    });
    expect(agent35.totalMinor).toBeLessThan(illnessM4.balanceMinor + illnessM4.feesMinor);
    expect(() =>
      proposeOffer({
        account: illnessM4,
        hardship,
        policy,
        role: 'agent',
        proposal: { kind: 'settlement', settlementDiscount: 0.4 },
      }),
    ).toThrow(/at most 0.35.*ask a supervisor/);
    expect(
      proposeOffer({
        account: illnessM4,
        hardship,
        policy,
        role: 'supervisor',
        proposal: { kind: 'settlement', settlementDiscount: 0.5 },
      }).id,
    ).toBe('settlement-1-d5000');
  });

  test('no months given – the shortest affordable term the rules module would offer', () => {
    const offer = proposeOffer({ account: illnessM4, hardship, policy, role: 'agent', proposal: { kind: 'freeze' } });
    expect(offer.highestPaymentMinor).toBeLessThanOrEqual(100_000);
    expect(offer.months).toBeGreaterThanOrEqual(policy.freeze.minMonths);
  });
});
