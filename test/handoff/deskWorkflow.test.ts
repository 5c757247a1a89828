// The desk's new routes over real HTTP: views and search, notes, transfer, staff, settings, the supervisor floor; roles, 401/403/409.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, TOKENS } from './deskClient.js';

interface Listed {
  cases: Array<{
    caseId: string;
    status: string;
    agentId?: string;
    accountRef?: string;
    reference?: string;
    outcome?: string;
    forSupervisors?: boolean;
    firstResponseAt?: string;
  }>;
}

describe.each(STORE_KINDS)('desk workflow routes (%s)', (kind) => {
  let service: RunningService;
  const li = () => deskClient(service.url, TOKENS.li);
  const amy = () => deskClient(service.url, TOKENS.amy);
  const boss = () => deskClient(service.url, TOKENS.supervisor);
  const escalated = async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    return { borrower, caseId: caseIdFor(borrower.channelId, borrower.conversationId) };
  };
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  test('every new route: 401 without a token, 403 for an admin; the floor and the "open" view are for supervisors only (403 for agents)', async () => {
    const routes: Array<['get' | 'post', string]> = [
      ['get', '/api/agent/cases'],
      ['get', '/api/agent/staff'],
      ['get', '/api/agent/settings'],
      ['get', '/api/agent/floor'],
      ['post', '/api/agent/cases/x/notes'],
      ['post', '/api/agent/cases/x/transfer'],
    ];
    for (const [method, path] of routes) {
      expect((await deskClient(service.url)[method](path)).status, path).toBe(401);
      expect((await deskClient(service.url, TOKENS.admin)[method](path)).status, path).toBe(403);
    }
    expect((await li().get('/api/agent/floor')).status).toBe(403);
    expect((await li().get('/api/agent/cases?view=open')).status).toBe(403);
    expect((await boss().get('/api/agent/cases?view=open')).status).toBe(200);
    const bad = await li().get<{ error: { message: string } }>('/api/agent/cases?view=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('view');
  });

  test('views: a queued case is in the queue; claimed, it is in "mine" of its holder only; a note is kept apart and never sent to the borrower; agent messages carry no replyToId', async () => {
    const { borrower, caseId } = await escalated();
    const queue = await li().get<Listed>('/api/agent/cases?view=queue');
    expect(queue.body.cases.map((c) => c.caseId)).toContain(caseId);
    expect((await li().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    expect((await li().get<Listed>('/api/agent/cases?view=mine')).body.cases.map((c) => c.caseId)).toContain(caseId);
    expect((await amy().get<Listed>('/api/agent/cases?view=mine')).body.cases.map((c) => c.caseId)).not.toContain(
      caseId,
    );
    expect((await li().get<Listed>('/api/agent/cases?view=queue')).body.cases.map((c) => c.caseId)).not.toContain(
      caseId,
    );

    const sentBefore = service.connector.of(borrower.conversationId).length;
    expect(
      (await li().post(`/api/agent/cases/${caseId}/notes`, { text: 'NOTE-ONLY-FOR-AGENTS 情绪激动' })).status,
    ).toBe(200);
    expect((await amy().post(`/api/agent/cases/${caseId}/notes`, { text: 'not mine' })).status).toBe(409);
    expect((await li().post(`/api/agent/cases/${caseId}/notes`, { text: '  ' })).status).toBe(400);
    const view = await li().get<{ transcript: Array<{ text: string; data?: { note?: string } }> }>(
      `/api/agent/cases/${caseId}`,
    );
    expect(
      view.body.transcript.some((e) => e.text === 'note.added' && e.data?.note?.includes('NOTE-ONLY-FOR-AGENTS')),
    ).toBe(true);
    expect(service.connector.of(borrower.conversationId).length).toBe(sentBefore);
    expect(JSON.stringify(service.connector.of(borrower.conversationId))).not.toContain('NOTE-ONLY-FOR-AGENTS');

    // The agent answers: "waiting" (for the borrower) lists it, with its first response recorded.
    await li().post(`/api/agent/cases/${caseId}/messages`, { text: '您好' });
    // Web Chat waits seconds for a replyToId it never saw: the agent's activities carry none (and are plain text).
    const agentSaid = service.connector.of(borrower.conversationId).filter((a) => a.text?.startsWith('李客服'));
    expect(agentSaid.length).toBeGreaterThan(0);
    for (const activity of agentSaid) expect(activity.replyToId).toBeUndefined();
    expect(agentSaid.at(-1)).toMatchObject({ textFormat: 'plain' });
    const waiting = await li().get<Listed>('/api/agent/cases?view=waiting');
    expect(waiting.body.cases.find((c) => c.caseId === caseId)?.firstResponseAt).toBeDefined();
    await borrower.say('好的');
    expect((await li().get<Listed>('/api/agent/cases?view=waiting')).body.cases.map((c) => c.caseId)).not.toContain(
      caseId,
    );
  });

  test("transfer: to another agent (409 for one who does not hold it, 400 for an unknown target), then to the supervisors' queue, which agents cannot claim", async () => {
    const { caseId } = await escalated();
    await li().post(`/api/agent/cases/${caseId}/claim`);
    expect((await amy().post(`/api/agent/cases/${caseId}/transfer`, { toAgentId: 'sup-zhang' })).status).toBe(409);
    expect((await li().post(`/api/agent/cases/${caseId}/transfer`, { toAgentId: 'nobody' })).status).toBe(400);
    const moved = await li().post(`/api/agent/cases/${caseId}/transfer`, {
      toAgentId: 'agent-amy',
      note: '她更熟悉这类争议',
    });
    expect(moved).toEqual({ status: 200, body: { agentId: 'agent-amy', forSupervisors: false } });
    expect((await amy().get<Listed>('/api/agent/cases?view=mine')).body.cases.map((c) => c.caseId)).toContain(caseId);

    expect((await amy().post(`/api/agent/cases/${caseId}/transfer`, { note: 'needs a supervisor' })).body).toEqual({
      forSupervisors: true,
    });
    expect((await li().get<Listed>('/api/agent/cases?view=queue')).body.cases.map((c) => c.caseId)).not.toContain(
      caseId,
    );
    expect((await boss().get<Listed>('/api/agent/cases?view=queue')).body.cases.map((c) => c.caseId)).toContain(caseId);
    expect((await li().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(403);
    expect((await boss().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
  });

  test("search finds agreed and closed cases by account reference, case id and agreement reference; the floor counts today's outcomes", async () => {
    const closed = await escalated();
    await li().post(`/api/agent/cases/${closed.caseId}/claim`);
    await li().post(`/api/agent/cases/${closed.caseId}/close`, { outcome: 'disputeUpheld' });
    const agreed = await escalated();
    await amy().post(`/api/agent/cases/${agreed.caseId}/claim`);
    const offers = await amy().get<{ offersShown: Array<{ id: string }> }>(`/api/agent/cases/${agreed.caseId}`);
    const agreement = await amy().post<{ agreement: { reference: string } }>(
      `/api/agent/cases/${agreed.caseId}/agreement`,
      { offerId: offers.body.offersShown[0]!.id },
    );
    const reference = agreement.body.agreement.reference;

    const byCase = await li().get<Listed>(`/api/agent/cases?view=closed&q=${closed.caseId.slice(-10)}`);
    expect(byCase.body.cases.find((c) => c.caseId === closed.caseId)).toMatchObject({
      status: 'closed',
      outcome: 'closed:disputeUpheld',
      agentId: 'agent-li',
    });
    expect(
      (await amy().get<Listed>(`/api/agent/cases?q=${reference.toLowerCase()}`)).body.cases.map((c) => c.caseId),
    ).toEqual([agreed.caseId]);
    // Li never worked the agreed case: an agent finds only what they worked; the supervisor finds everything.
    expect((await li().get<Listed>(`/api/agent/cases?q=${reference}`)).body.cases).toEqual([]);
    const byAccount = await boss().get<Listed>('/api/agent/cases?view=closed&q=ln-2024-0001');
    expect(byAccount.body.cases.map((c) => c.caseId)).toEqual(expect.arrayContaining([closed.caseId, agreed.caseId]));

    const floor = await boss().get<{
      agents: Array<{ id: string; load: number }>;
      today: { agreements: number; outcomes: Record<string, number>; averageFirstResponseSeconds: number | null };
    }>('/api/agent/floor');
    expect(floor.status).toBe(200);
    expect(floor.body.today.agreements).toBeGreaterThanOrEqual(1);
    expect(floor.body.today.outcomes['closed:disputeUpheld']).toBeGreaterThanOrEqual(1);
    expect(floor.body.agents.map((a) => a.id)).toEqual(expect.arrayContaining(['agent-li', 'agent-amy', 'sup-zhang']));
  });

  test('staff and settings: the transfer targets, canned replies per locale with the same short codes, targets per priority from the policy', async () => {
    const staff = await li().get<{ staff: Array<{ id: string; role: string }> }>('/api/agent/staff');
    expect(staff.body.staff.map((s) => s.id)).toEqual(['agent-li', 'agent-amy', 'sup-zhang']);
    const settings = await li().get<{
      canned: Record<string, Array<{ code: string }>>;
      targets: Record<string, { firstResponseMinutes: number }>;
    }>('/api/agent/settings');
    expect(settings.body.targets.urgent!.firstResponseMinutes).toBe(2);
    for (const locale of ['zh-CN', 'zh-TW', 'en'])
      expect(settings.body.canned[locale]!.map((r) => r.code)).toContain('hello');
  });

  test('a payment the lender posts for the account – the agent sees it with the case (amount, currency, when paid) and in the transcript', async () => {
    const { caseId } = await escalated();
    const paymentId = `desk-${caseId}`;
    const posted = await fetch(`${service.url}/api/lender/payments`, {
      method: 'POST',
      headers: { authorization: 'Bearer dev-lender-token', 'content-type': 'application/json' },
      body: JSON.stringify({
        paymentId,
        accountRef: 'LN-2024-0001',
        amountMinor: 150_000,
        currency: 'CNY',
        paidAt: '2026-03-01T18:30:00+08:00',
      }),
    });
    expect(posted.status).toBe(201);
    const view = await li().get<{
      payments: Array<Record<string, unknown>>;
      transcript: Array<{ text: string; data?: { paymentId?: string } }>;
    }>(`/api/agent/cases/${caseId}`);
    expect(view.status).toBe(200);
    expect(view.body.payments).toContainEqual(
      expect.objectContaining({ paymentId, amountMinor: 150_000, currency: 'CNY', caseId }),
    );
    expect(
      view.body.transcript.filter((e) => e.text === 'payment.recorded' && e.data?.paymentId === paymentId),
    ).toHaveLength(1);
  });
});
