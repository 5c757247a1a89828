// The console's plan over real HTTP: an agent's agreement starts the plan; the case view shows its schedule, the lender's
// payments and its state (active → late → missed) with the test clock; agents see their own cases, supervisors all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, TOKENS } from './deskClient.js';

interface PlanView {
  reference: string;
  state: string;
  machineState: string;
  instalments: Array<{ n: number; dueDate: string; amountMinor: number; paidMinor: number; status: string }>;
}
interface CaseView {
  plan?: PlanView;
  payments: Array<{ amountMinor: number; paidAt: string }>;
  agreement?: { reference: string; accountRef: string };
  offersShown: Array<{ id: string }>;
}

describe.each(STORE_KINDS)('the plan in the agent console (%s)', (kind) => {
  let service: RunningService;
  const li = () => deskClient(service.url, TOKENS.li);
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
    // The same local time of day every run: the plan's dates do not depend on the wall clock.
    await advance(service, shanghai(localDateTime(new Date(), 'Asia/Shanghai').date, '10:00', 1));
  });
  afterAll(() => service.stop());

  test('an agreement recorded by the agent: schedule, payments with amounts and dates, state active → late → missed; 401/403 by role', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const path = `/api/agent/cases/${caseId}`;
    expect((await li().post(`${path}/claim`)).status).toBe(200);
    const offerId = (await li().get<CaseView>(path)).body.offersShown[0]!.id;
    expect((await li().post(`${path}/agreement`, { offerId })).status).toBe(200);

    const agreed = (await li().get<CaseView>(path)).body;
    const plan = agreed.plan!;
    expect(plan.reference).toBe(agreed.agreement!.reference);
    expect(plan.state).toBe('active');
    expect(plan.instalments.length).toBeGreaterThan(1);
    expect(plan.instalments.every((line) => line.paidMinor === 0 && line.status === 'upcoming')).toBe(true);

    // Roles: the agent who worked it and supervisors read it; another agent does not, nor anyone without a token.
    expect((await deskClient(service.url).get(path)).status).toBe(401);
    expect((await deskClient(service.url, TOKENS.amy).get(path)).status).toBe(403);
    expect((await deskClient(service.url, TOKENS.admin).get(path)).status).toBe(403);
    expect((await deskClient(service.url, TOKENS.supervisor).get<CaseView>(path)).body.plan?.reference).toBe(
      plan.reference,
    );

    const [first, second] = plan.instalments as [PlanView['instalments'][0], PlanView['instalments'][0]];
    const paidAt = shanghai(first.dueDate, '10:00', -1);
    await advance(service, paidAt);
    await pay(service, {
      paymentId: `desk-${caseId}`,
      accountRef: agreed.agreement!.accountRef,
      amountMinor: first.amountMinor,
      paidAt,
    });
    const paid = (await li().get<CaseView>(path)).body;
    expect(paid.payments).toEqual([expect.objectContaining({ amountMinor: first.amountMinor, paidAt })]);
    expect(paid.plan!.instalments[0]).toMatchObject({ paidMinor: first.amountMinor, status: 'paid' });
    expect(paid.plan!.state).toBe('active');

    await advance(service, shanghai(second.dueDate, '12:00', 1));
    expect((await li().get<CaseView>(path)).body.plan!.state).toBe('late');
    await advance(service, shanghai(second.dueDate, '12:00', 4));
    const missed = (await li().get<CaseView>(path)).body.plan!;
    expect(missed.state).toBe('missed');
    expect(missed.instalments[1]!.status).toBe('missed');
  });
});
