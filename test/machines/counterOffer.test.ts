// A counter-offer is evaluated by the offer rules once per turn, whether the policy accepts it or not.
import { readFileSync } from 'node:fs';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { NegotiationEvent } from '../../machines/context.js';
import { createNegotiationMachine } from '../../machines/negotiation.js';
import type { OfferRules } from '../../machines/negotiationSetup.js';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';

const bundle = loadDialogBundle('dialogs');
const [jobLossM2] = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');

const TO_OFFERS: NegotiationEvent[] = [
  { type: 'idLast4.given', value: jobLossM2!.borrower.idLast4 },
  { type: 'date.given', date: jobLossM2!.borrower.birthDate },
  { type: 'choice.made', value: 'jobLoss' },
  { type: 'choice.made', value: 'longTerm' },
  { type: 'amount.given', amountMinor: 800_000 },
  { type: 'amount.given', amountMinor: 350_000 },
  { type: 'choice.made', value: 'none' },
  { type: 'number.given', value: 1 },
  { type: 'choice.made', value: 'skip' },
];

function negotiation() {
  const calls: number[] = [];
  const rules: OfferRules = {
    compute: (account, hardship) => bundle.rules.compute(account, hardship),
    counter: (account, hardship, amountMinor) => {
      calls.push(amountMinor);
      return bundle.rules.counter(account, hardship, amountMinor);
    },
  };
  const actor = createActor(createNegotiationMachine(bundle.flow, { rules, limits: bundle.limits }), {
    input: { caseId: 'c-counter', account: jobLossM2! },
  }).start();
  for (const event of TO_OFFERS) actor.send(event);
  return { actor, calls };
}

describe('a counter-offer', () => {
  it.each([
    ['acceptable', 200_000, 'confirming'],
    ['too low', 10_000, 'presentingOffers'],
  ] as const)('%s (%i) – one evaluation, and the machine acts on it', (_, amountMinor, where) => {
    const { actor, calls } = negotiation();
    expect(JSON.stringify(actor.getSnapshot().value)).toContain('presentingOffers');
    actor.send({ type: 'offer.countered', amountMinor });
    expect(calls).toEqual([amountMinor]);
    expect(JSON.stringify(actor.getSnapshot().value)).toContain(where);
    const context = actor.getSnapshot().context;
    if (where === 'confirming') expect(context.chosenOffer?.kind).toBeDefined();
    else expect(context.counterMinimumMinor).toBeGreaterThan(amountMinor);
  });
});
