// A person takes over: waiting, relay both ways, offers within and beyond authority, agreement, hand-back, close, transcript actors.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { textOf, type BorrowerChannel } from '../helpers/borrowerChannel.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, openStream, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('agent desk conversation (%s)', (kind) => {
  let service: RunningService;
  const li = () => deskClient(service.url, TOKENS.li);
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  async function claimed(): Promise<{ borrower: BorrowerChannel; caseId: string }> {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect((await li().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    return { borrower, caseId };
  }

  test('escalation – told a person will join and roughly when; while waiting only holding messages; vulnerability makes it urgent', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect(borrower.allText()).toMatch(/第 \d+ 位），预计约 \d+ 分钟/);
    expect((await borrower.say('方案1')).replies.map(textOf).join()).toContain('请稍候');
    const urgent = await borrower.say('我不想活了');
    expect(urgent.replies.map(textOf).join()).toContain('心理援助热线');
    const queue = await li().get<{ cases: Array<{ caseId: string; priority: string; reason: string }> }>(
      '/api/agent/queue',
    );
    expect(queue.body.cases.find((c) => c.caseId === caseId)).toMatchObject({
      priority: 'urgent',
      reason: 'vulnerability',
    });
    expect(queue.body.cases[0]!.priority).toBe('urgent');
  });

  test('claim – the borrower sees the agent join by name with handoff.status accepted; the bot then stays silent (even on vulnerability, raised to urgent) and relays to the stream', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const stream = await openStream(service.url, TOKENS.li, caseId);
    await li().post(`/api/agent/cases/${caseId}/claim`);
    const sent = service.connector.of(borrower.conversationId);
    expect(sent.find((a) => a.name === 'handoff.status')?.value).toMatchObject({ state: 'accepted' });
    expect(sent.at(-1)).toMatchObject({
      text: expect.stringContaining('李客服已接入'),
      from: expect.objectContaining({ name: '李客服' }),
    });

    const delivery = await borrower.say('我能不能每月少还一点？');
    expect(delivery.replies).toEqual([]);
    const relayed = await stream.next(
      (e) => e.type === 'transcript.appended' && Boolean(e.entries?.some((x) => x.text.includes('少还一点'))),
    );
    expect(relayed.entries![0]).toMatchObject({ actor: 'borrower', kind: 'message' });
    stream.close();
    expect((await borrower.say('我不想活了')).replies).toEqual([]);
    const view = await li().get<{ handoff: { priority: string; agentId: string } }>(`/api/agent/cases/${caseId}`);
    expect(view.body.handoff).toMatchObject({ priority: 'urgent', agentId: 'agent-li' });

    const reply = await li().post(`/api/agent/cases/${caseId}/messages`, { text: '可以的，我帮您看看更长的分期。' });
    expect(reply.body).toEqual({ delivered: true });
    expect(service.connector.of(borrower.conversationId).at(-1)).toMatchObject({
      text: '李客服：可以的，我帮您看看更长的分期。',
      from: expect.objectContaining({ name: '李客服' }),
    });
  });

  test('offers – an agent widens within authority, is refused beyond it with a reason; a supervisor may go further', async () => {
    const { borrower, caseId } = await claimed();
    const within = await li().post<{ offer: { id: string; months: number } }>(`/api/agent/cases/${caseId}/offers`, {
      kind: 'installment',
      months: 18,
    });
    expect(within.status).toBe(200);
    expect(within.body.offer).toMatchObject({ id: 'installment-18+waiver', months: 18 });
    expect(textOf(service.connector.of(borrower.conversationId).at(-1)!)).toContain('期数: 18 期');
    const beyond = await li().post<{ error: { message: string } }>(`/api/agent/cases/${caseId}/offers`, {
      kind: 'installment',
      months: 20,
    });
    expect(beyond.status).toBe(403);
    expect(beyond.body.error.message).toMatch(/at most 6.*ask a supervisor/);
    const sup = deskClient(service.url, TOKENS.supervisor);
    const further = await sup.post<{ offer: { months: number } }>(`/api/agent/cases/${caseId}/offers`, {
      kind: 'installment',
      months: 24,
    });
    expect(further.status).toBe(200);
    expect(further.body.offer.months).toBe(24);
    expect((await sup.post(`/api/agent/cases/${caseId}/offers`, { kind: 'installment', months: 25 })).status).toBe(403);
    expect((await li().post(`/api/agent/cases/${caseId}/offers`, { kind: 'settlement' })).status).toBe(409);
  });

  test('agreement – recorded with the same record and schedule the bot makes; the borrower gets reference and schedule', async () => {
    const { borrower, caseId } = await claimed();
    await li().post(`/api/agent/cases/${caseId}/offers`, { kind: 'installment', months: 18 });
    const answer = await li().post<{
      agreement: { reference: string; recordedBy: string; dueDates: unknown[]; offer: { id: string } };
    }>(`/api/agent/cases/${caseId}/agreement`, { offerId: 'installment-18+waiver' });
    expect(answer.status).toBe(200);
    expect(answer.body.agreement).toMatchObject({
      reference: expect.stringMatching(/^XS-\d{8}-[0-9A-Z]{6}$/),
      recordedBy: 'agent-li',
      offer: { id: 'installment-18+waiver' },
    });
    expect(answer.body.agreement.dueDates).toHaveLength(18);
    expect(await service.app.store.agreement(caseId)).toEqual(answer.body.agreement);
    const sent = service.connector.of(borrower.conversationId);
    expect(sent.map(textOf).join('\n')).toContain(answer.body.agreement.reference);
    expect(sent.at(-1)).toMatchObject({ name: 'handoff.status', value: { state: 'completed' } });
    const view = await li().get<{ status: string }>(`/api/agent/cases/${caseId}`);
    expect(view.body.status).toBe('agreed');
  });

  test('hand-back – announced, handoff.status completed, and the bot answers the next message from the offers', async () => {
    const { borrower, caseId } = await claimed();
    const answer = await li().post(`/api/agent/cases/${caseId}/handback`);
    expect(answer.body).toMatchObject({ state: 'conversation.negotiating.presentingOffers', delivered: true });
    const sent = service.connector.of(borrower.conversationId);
    expect(sent.map(textOf).join('\n')).toContain('李客服已结束人工服务');
    expect(
      sent.find((a) => a.name === 'handoff.status' && (a.value as { state: string }).state === 'completed'),
    ).toBeDefined();
    const next = await borrower.say('方案1');
    expect(next.replies.map(textOf).join('\n')).toContain('请确认还款协议');
  });

  test('close – with an outcome code; the borrower is told; the transcript has borrower, bot and agent entries with the agent id', async () => {
    const { borrower, caseId } = await claimed();
    await borrower.say('好的谢谢');
    await li().post(`/api/agent/cases/${caseId}/messages`, { text: '不客气' });
    const closed = await li().post(`/api/agent/cases/${caseId}/close`, {
      outcome: 'resolved',
      note: '借款人将自行还款',
    });
    expect(closed.body).toEqual({ outcome: 'resolved', delivered: true });
    expect(service.connector.of(borrower.conversationId).map(textOf).join('\n')).toContain('李客服已结束本次协商');
    expect((await borrower.say('你好')).replies.map(textOf).join()).toContain('本次协商已结束');
    const view = await li().get<{
      status: string;
      transcript: Array<{
        actor: string;
        actorId?: string;
        kind: string;
        text: string;
        data?: Record<string, unknown>;
      }>;
    }>(`/api/agent/cases/${caseId}`);
    expect(view.body.status).toBe('closed');
    const actors = new Set(view.body.transcript.map((entry) => entry.actor));
    expect([...actors]).toEqual(expect.arrayContaining(['borrower', 'bot', 'agent']));
    const agentEntries = view.body.transcript.filter((entry) => entry.actor === 'agent');
    expect(agentEntries.every((entry) => entry.actorId === 'agent-li')).toBe(true);
    expect(agentEntries.map((entry) => entry.text)).toEqual(
      expect.arrayContaining(['case.claimed', '不客气', 'case.closed']),
    );
    expect(agentEntries.find((entry) => entry.text === 'case.closed')?.data).toMatchObject({
      outcome: 'resolved',
      by: 'agent',
    });
    expect((await li().post(`/api/agent/cases/${caseId}/messages`, { text: 'still there?' })).status).toBe(409);
  });
});
