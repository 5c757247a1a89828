// Stepping the negotiation machine: an actor kept running between turns behaves exactly as one restored from the
// snapshot, and a snapshot stepped twice (a replanned turn) gives the same step both times.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NegotiationEvent } from '../../machines/context.js';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';
import { persistedContext, stepMachine, type Step } from '../../src/conversation/stepMachine.js';

const bundle = loadDialogBundle('dialogs');
const accounts = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');
const account = accounts.find((candidate) => candidate.accountRef === 'LN-2024-0001')!;
const input = { caseId: 'c-steps', account };

/** jobLossM2's negotiation to the written confirmation, one turn per element, with a repeat and a hedge on the way. */
const TURNS: NegotiationEvent[][] = [
  [{ type: 'idLast4.given', value: account.borrower.idLast4 }],
  [{ type: 'date.given', date: account.borrower.birthDate }],
  [{ type: 'choice.made', value: 'jobLoss' }],
  [{ type: 'repeat.requested' }],
  [{ type: 'choice.made', value: 'temporary' }],
  [{ type: 'number.given', value: 3 }],
  [{ type: 'amount.given', amountMinor: 800_000 }],
  [{ type: 'amount.given', amountMinor: 350_000 }],
  [{ type: 'choice.made', value: 'none' }],
  [{ type: 'number.given', value: 1 }],
  [{ type: 'amount.given', amountMinor: 250_000 }],
];
/** Then plan 1 is chosen and the borrower hedges at the written confirmation. */
const closing = (step: Step): NegotiationEvent[][] => [
  [{ type: 'offer.accepted', offerId: step.context.presentedIds[0]! }],
  [{ type: 'consent.unclear' }],
];

const comparable = (step: Step) => ({ ...step, persisted: JSON.parse(JSON.stringify(step.persisted)) as unknown });

function walk(turns: NegotiationEvent[][]): Step {
  let step = stepMachine(bundle.machine, undefined, input, []);
  for (const events of turns) step = stepMachine(bundle.machine, step.persisted, input, events);
  return step;
}

describe('stepMachine', () => {
  it('a negotiation stepped on the snapshot each turn left (actor kept running) – every step as if restored from a copy', () => {
    let kept = stepMachine(bundle.machine, undefined, input, []);
    let restored = stepMachine(bundle.machine, undefined, input, []);
    expect(comparable(kept)).toEqual(comparable(restored));
    for (const events of [...TURNS, ...closing(walk(TURNS))]) {
      const copy = structuredClone(restored.persisted);
      persistedContext(copy, input.caseId);
      kept = stepMachine(bundle.machine, kept.persisted, input, events);
      restored = stepMachine(bundle.machine, copy, input, events);
      expect(comparable(kept), JSON.stringify(events)).toEqual(comparable(restored));
    }
    expect(kept.said.length).toBeGreaterThan(0);
    expect(kept.state).toMatch(/confirm/i);
    expect(kept.context.presentedIds.length).toBeGreaterThan(0);
  });

  it('one snapshot stepped twice with different events (a turn planned again) – each step starts from the snapshot', () => {
    const step = walk(TURNS.slice(0, 3));
    const question = step.state;
    const first = stepMachine(bundle.machine, step.persisted, input, [{ type: 'choice.made', value: 'temporary' }]);
    const second = stepMachine(bundle.machine, step.persisted, input, [{ type: 'repeat.requested' }]);
    expect(first.state).not.toBe(question);
    expect(second.state).toBe(question);
    expect(first.context.hardship.duration).toBe('temporary');
    expect(second.context.hardship.duration).toBeUndefined();
  });
});
