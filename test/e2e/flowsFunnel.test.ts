// The funnel of a scripted set of conversations, read back through GET /api/flows/:version/funnel, counts exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { runScripted } from '../helpers/scriptedConversations.js';

const PO = 'test-po-token-0000000001';
const AGENT = 'test-agent-token-00000001';
const TOKENS = `admin:admin:Admin:test-admin-token-000001;product_owner:po:PO:${PO};agent:agent-li:Li:${AGENT}`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(STORE_KINDS)('the funnel on %s', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ ...storeEnv(kind), API_TOKENS: TOKENS });
  });
  afterAll(() => service.stop());

  it('three scripted conversations and one redelivered turn that then stops – entered, left, stopped and offers exactly', async () => {
    await runScripted(service);
    const version = service.app.dialogs.current().version;
    const response = await fetch(`${service.url}/api/flows/${version}/funnel?from=${day(-1)}&to=${day(1)}`, {
      headers: { authorization: `Bearer ${PO}` },
    });
    expect(response.status).toBe(200);
    const funnel = (await response.json()) as {
      started: number;
      states: Array<{ id: string; entered: number; left: Record<string, number>; stopped: number }>;
      offers: unknown[];
    };
    const state = (id: string) => funnel.states.find((s) => s.id === id);
    expect(funnel.started).toBe(4);
    expect(state('opening')).toEqual({
      id: 'opening',
      entered: 4,
      left: { 'conversation.findingAccount': 4 },
      stopped: 0,
    });
    expect(state('conversation.findingAccount')).toEqual({
      id: 'conversation.findingAccount',
      entered: 4,
      left: { 'conversation.verifyingIdentity.askingIdLast4': 2, escalated: 1, closed: 1 },
      stopped: 0,
    });
    expect(state('conversation.verifyingIdentity.askingBirthDate')).toMatchObject({
      entered: 2,
      left: { 'conversation.interview.askingReason': 2 },
      stopped: 0,
    });
    expect(state('conversation.interview.askingReason')).toMatchObject({
      entered: 2,
      left: { 'conversation.interview.askingDuration': 1 },
      stopped: 1,
    });
    expect(state('conversation.interview.askingStatedMonthly')).toMatchObject({
      entered: 1,
      left: { 'conversation.negotiating.presentingOffers': 1 },
      stopped: 0,
    });
    // The confirmation has steps of its own (reviewing, asked outright, beyond-means warning): one of them agreed.
    const confirming = funnel.states.filter((s) => s.id.startsWith('conversation.negotiating.confirming.'));
    expect(confirming.reduce((agreed, s) => agreed + ((s.left as Record<string, number>).agreed ?? 0), 0)).toBe(1);
    expect(state('agreed')).toMatchObject({ entered: 1, stopped: 1 });
    expect(state('escalated')).toMatchObject({ entered: 1, stopped: 1 });
    expect(state('closed')).toMatchObject({ entered: 1, stopped: 1 });
    expect(funnel.offers).toEqual([
      { kind: 'extend', shown: 1, accepted: 0 },
      { kind: 'grace', shown: 1, accepted: 1 },
      { kind: 'installment', shown: 1, accepted: 0 },
    ]);
  });

  it('the funnel without a product owner token – 401; with an agent token – 403', async () => {
    const version = service.app.dialogs.current().version;
    expect((await fetch(`${service.url}/api/flows/${version}/funnel`)).status).toBe(401);
    expect(
      (await fetch(`${service.url}/api/flows/${version}/funnel`, { headers: { authorization: `Bearer ${AGENT}` } }))
        .status,
    ).toBe(403);
  });
});
