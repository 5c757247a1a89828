// The funnel counts what happens beside the bot: an agent's close and agreement, and the plan's life (kept, broken).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { converse } from '../helpers/conversation.js';
import { JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { startService, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, TOKENS } from '../handoff/deskClient.js';

const PO = 'dev-po-token';
interface Funnel {
  started: number;
  states: Array<{ id: string; entered: number; left: Record<string, number>; stopped: number }>;
  edges: Array<{ from: string; to: string; count: number; percent: number }>;
  offers: Array<{ kind: string; shown: number; accepted: number }>;
  outcomes: { kept: number; broken: number };
}

describe('agent outcomes and plans in the funnel (memory store)', () => {
  let service: RunningService;
  let from: string;
  let to: string;
  const funnel = async (on: RunningService, flow: '' | '/plan', period = { from, to }) => {
    const version = on.app.dialogs.current().version;
    const response = await fetch(`${on.url}/api/flows/${version}${flow}/funnel?from=${period.from}&to=${period.to}`, {
      headers: { authorization: `Bearer ${PO}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Funnel;
  };
  beforeAll(async () => {
    service = await startService({});
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    from = shanghai(today, '00:00', -1).slice(0, 10);
    to = shanghai(today, '00:00', 300).slice(0, 10);
  });
  afterAll(() => service?.stop());

  it('an agent closes one escalated case and agrees another – escalated left to closed 1 and agreed 1, the offer counted as accepted', async () => {
    const li = deskClient(service.url, TOKENS.li);
    const escalate = async () => {
      const borrower = service.borrower();
      await escalateAtOffers(borrower);
      const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
      expect((await li.post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
      return caseId;
    };
    const closing = await escalate();
    expect((await li.post(`/api/agent/cases/${closing}/close`, { outcome: 'resolved' })).status).toBe(200);
    const agreeing = await escalate();
    const view = await li.get<{ offersShown: Array<{ id: string; kind: string }> }>(`/api/agent/cases/${agreeing}`);
    const offer = view.body.offersShown[0]!;
    expect((await li.post(`/api/agent/cases/${agreeing}/agreement`, { offerId: offer.id })).status).toBe(200);

    const counts = await funnel(service, '');
    const state = (id: string) => counts.states.find((s) => s.id === id);
    expect(state('escalated')).toEqual({ id: 'escalated', entered: 2, left: { closed: 1, agreed: 1 }, stopped: 0 });
    expect(state('closed')).toMatchObject({ entered: 1 });
    expect(state('agreed')).toMatchObject({ entered: 1 });
    expect(counts.offers.find((o) => o.kind === offer.kind)).toMatchObject({ accepted: 1 });
  });

  it('a plan paid to the end – kept 1; on another service a plan missed and never answered – broken 1', async () => {
    const agree = async (on: RunningService) => {
      const borrower = on.borrower({ locale: 'zh-CN' });
      await converse(borrower, JOB_LOSS_AGREED);
      return (await on.app.store.agreement(caseIdFor(borrower.channelId, borrower.conversationId)))!;
    };
    // The agent's agreement of the test before started a plan too (an agent's agreement is followed like the bot's).
    const startedBefore = (await funnel(service, '/plan')).started;
    const keeping = await agree(service);
    const lines = keeping.dueDates.filter((line) => line.amountMinor > 0);
    for (const [index, line] of lines.entries()) {
      const paidAt = shanghai(line.dueDate, '10:00', -1);
      await advance(service, paidAt);
      await pay(service, {
        paymentId: `pay-kept-${index}`,
        accountRef: keeping.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
    }
    expect((await funnel(service, '/plan')).started).toBe(startedBefore + 1);
    // A plan can outlast the longest period (400 days): its end is counted on the day of its last payment.
    const last = lines.at(-1)!.dueDate;
    const kept = await funnel(service, '/plan', {
      from: shanghai(last, '12:00', -10).slice(0, 10),
      to: shanghai(last, '12:00', 10).slice(0, 10),
    });
    expect(kept.outcomes).toEqual({ kept: 1, broken: 0 });
    expect(kept.states.find((s) => s.id === 'completed')).toMatchObject({ entered: 1, stopped: 1 });

    const other = await startService({});
    try {
      const breaking = await agree(other);
      const due = breaking.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
      await advance(other, shanghai(due, '12:00', 4));
      await advance(other, shanghai(due, '12:00', 12));
      const broken = await funnel(other, '/plan');
      expect(broken.outcomes).toEqual({ kept: 0, broken: 1 });
      expect(broken.states.find((s) => s.id === 'broken')).toMatchObject({ entered: 1, stopped: 1 });
    } finally {
      await other.stop();
    }
  });
});
