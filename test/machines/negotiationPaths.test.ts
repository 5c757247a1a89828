// Model-based tests: paths generated from the shipped flow drive every transition and end in a final state.
import { readFileSync } from 'node:fs';
import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import type { NegotiationEvent, Said } from '../../machines/context.js';
import type { NegotiationMachine } from '../../machines/negotiation.js';
import { leafPathOf, leavesOf, transitionsIn } from '../../machines/stateNodes.js';
import type { Account } from '../../src/domain/account.js';
import { parseAccounts } from '../../src/domain/demoAccounts.js';
import { loadDialogBundle } from '../../src/dialogs/loadDialogBundle.js';

const bundle = loadDialogBundle('dialogs');
const accounts = parseAccounts(readFileSync('dialogs/demo-accounts.yaml', 'utf8'), 'demo-accounts.yaml');
const byRef = (ref: string) => accounts.find((account) => account.accountRef === ref)!;
type Snap = SnapshotFrom<NegotiationMachine>;

function eventsFor(account: Account) {
  const fixed: NegotiationEvent[] = [
    { type: 'lookup.found', account },
    { type: 'lookup.notFound', identityKey: 'claimed-key' },
    { type: 'identity.locked' },
    { type: 'idLast4.given', value: account.borrower.idLast4 },
    { type: 'idLast4.given', value: '0000' },
    { type: 'date.given', date: account.borrower.birthDate },
    { type: 'date.given', date: '1900-01-01' },
    ...['jobLoss', 'temporary', 'longTerm', 'skip', 'none', 'agree', 'back', 'bogus'].map((value) => ({
      type: 'choice.made' as const,
      value,
    })),
    { type: 'amount.given', amountMinor: 800_000 },
    { type: 'amount.given', amountMinor: 250_000 },
    { type: 'number.given', value: 3 },
    { type: 'answer.yes' },
    { type: 'answer.no' },
    { type: 'offer.countered', amountMinor: 10_000 },
    { type: 'offer.countered', amountMinor: 300_000 },
    { type: 'offer.another' },
    { type: 'offer.declined' },
    { type: 'consent.given' },
    { type: 'date.ambiguous' },
    { type: 'answer.corrected', field: 'incomeMinor', value: 300_000 },
    { type: 'answer.acknowledged' },
    { type: 'facts.given', facts: { lumpSumMinor: 100_000 } },
    { type: 'consent.unclear' },
    { type: 'consent.hesitated' },
    { type: 'faq.asked', topic: 'creditReport' },
    { type: 'greeting.said' },
    { type: 'back.requested' },
    { type: 'startOver.requested' },
    { type: 'skip.refused' },
    { type: 'human.requested' },
    { type: 'dispute.raised' },
    { type: 'vulnerability.disclosed' },
    { type: 'stop.requested' },
    { type: 'explanation.requested' },
    { type: 'repeat.requested' },
    { type: 'input.unrecognized', why: 'unclear' },
    { type: 'conversation.resumed' },
  ];
  return (snapshot: Snap): NegotiationEvent[] => [
    ...fixed,
    ...snapshot.context.presentedIds.map((offerId) => ({ type: 'offer.accepted' as const, offerId })),
  ];
}

/** The graph stays finite: amounts are ignored, counters only count up to where a guard changes its answer. */
function serializeState(snapshot: Snap): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    snapshot.status,
    c.account !== undefined,
    c.idLast4Matched,
    c.identityVerified,
    c.identityFailures,
    c.counterAttempts,
    Math.min(c.misunderstandings, 3),
    c.shownIds.length,
    c.chosenOffer?.id,
    c.escalation?.reason,
  ]);
}

function leafOf(snapshot: Snap): string {
  return leafPathOf(snapshot.value) ?? '';
}

/** Every (state, event) pair the flow defines, inherited transitions included. */
function definedPairs(machine: NegotiationMachine): Set<string> {
  const pairs = new Set<string>();
  for (const leaf of leavesOf(machine.root)) {
    const transient = (leaf.always ?? []).some((transition) => !transition.guard);
    if (leaf.type === 'final' || transient) continue;
    for (const transition of transitionsIn(leaf))
      if (transition.eventType) pairs.add(`${leaf.path.join('.')} ${transition.eventType}`);
  }
  return pairs;
}

function replay(machine: NegotiationMachine, account: Account | undefined, events: readonly NegotiationEvent[]) {
  const actor = createActor(machine, { input: { caseId: 'c-model', ...(account ? { account } : {}) } });
  const said: Said[] = [];
  actor.on('say', (event) => said.push(event));
  actor.start();
  for (const event of events) actor.send(event);
  return { snapshot: actor.getSnapshot(), said };
}

/** Far above the few thousand (state, event) pairs the shipped flow has; an unbounded context blows through it. */
const TRAVERSAL_LIMIT = 20_000;

const PERSONAS = [
  ['jobLossM2 found by lookup', byRef('LN-2024-0001'), false],
  ['illnessM4 bound to the channel', byRef('CC-88120034'), true],
] as const;

function pathsFor(account: Account, bound: boolean) {
  const events = eventsFor(account);
  return {
    events,
    paths: getShortestPaths(bundle.machine, {
      events,
      serializeState,
      // Only what the state can take is tried (the rest is input.unrecognized at run time), and the traversal is
      // capped: a state space that grows without bound fails here at once instead of blocking the event loop.
      filterEvents: (snapshot, event) => snapshot.can(event),
      limit: TRAVERSAL_LIMIT,
      input: { caseId: 'c-model', ...(bound ? { account } : {}) },
    }),
  };
}

it('the personas together take every transition the flow defines, from every state that waits for the borrower', () => {
  const covered = new Set<string>();
  for (const [, account, bound] of PERSONAS) {
    const { events, paths } = pathsFor(account, bound);
    for (const path of paths) {
      if (path.state.status !== 'active') continue;
      for (const event of events(path.state))
        if (path.state.can(event)) covered.add(`${leafOf(path.state)} ${event.type}`);
    }
  }
  expect([...definedPairs(bundle.machine)].filter((pair) => !covered.has(pair))).toEqual([]);
});

describe.each(PERSONAS)('paths through the shipped flow — %s', (_name, account, bound) => {
  const machine = bundle.machine;
  const { paths } = pathsFor(account, bound);

  it('reaches agreed, escalated and closed', () => {
    const finals = new Set(paths.filter((path) => path.state.status === 'done').map((path) => leafOf(path.state)));
    expect([...finals].sort()).toEqual(['agreed', 'closed', 'escalated']);
  });

  it('every path ending in a final state says the matching last words', () => {
    const ends = paths.filter((path) => path.state.status === 'done');
    expect(ends.length).toBeGreaterThan(5);
    for (const path of ends) {
      const { snapshot, said } = replay(
        machine,
        bound ? account : undefined,
        path.steps.map((step) => step.event as NegotiationEvent).filter((event) => !event.type.startsWith('xstate.')),
      );
      expect(snapshot.status).toBe('done');
      const last = said.at(-1)?.key;
      const state = leafOf(snapshot);
      if (state === 'agreed') expect(last).toBe('agreement.recorded');
      if (state === 'closed') expect(last).toBe('closing.stopped');
      if (state === 'escalated') expect(last).toBe(`escalation.${snapshot.context.escalation?.reason}`);
      if (state === 'agreed')
        expect(snapshot.context.chosenOffer?.schedule.reduce((sum, p) => sum + p.amountMinor - p.regularMinor, 0)).toBe(
          snapshot.context.chosenOffer?.totalMinor,
        );
    }
  });

  it('escalates for each reason the flow names', () => {
    const reasons = new Set(
      paths
        .filter((path) => path.state.status === 'done')
        .map((path) => path.state.context.escalation?.reason)
        .filter(Boolean),
    );
    expect([...reasons].sort()).toEqual(
      [
        'counterOffersExhausted',
        'declined',
        'dispute',
        'humanRequested',
        'identityFailed',
        'identityLocked',
        'vulnerability',
      ].sort(),
    );
  });
});
