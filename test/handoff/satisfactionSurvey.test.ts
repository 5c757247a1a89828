// The survey after an agent's close, through real HTTP and the channel stub: asked once in the borrower's language,
// a rating and an optional comment recorded on the case and in the transcript, per agent for supervisors.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { buttonsOf, textOf, type BorrowerChannel } from '../helpers/borrowerChannel.js';
import { advance } from '../helpers/planClock.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, TOKENS } from './deskClient.js';

interface Satisfaction {
  agents: Array<{ agentId: string; name: string; average: number | null; count: number }>;
}
interface CaseView {
  status: string;
  transcript: Array<{ actor: string; kind: string; text: string; data?: Record<string, unknown> }>;
}

describe.each(STORE_KINDS)('satisfaction survey after a close (%s)', (kind) => {
  let service: RunningService;
  const li = () => deskClient(service.url, TOKENS.li);
  const amy = () => deskClient(service.url, TOKENS.amy);
  const boss = () => deskClient(service.url, TOKENS.supervisor);
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  const ratingsOf = async (agentId: string) =>
    (await boss().get<Satisfaction>('/api/agent/satisfaction')).body.agents.find((a) => a.agentId === agentId)!;

  /** A borrower who asked for a person, claimed and closed by `agent`: returns what the close sent. */
  async function closedBy(
    agent: ReturnType<typeof deskClient>,
    borrower: BorrowerChannel,
    toPerson: (b: BorrowerChannel) => Promise<unknown>,
  ) {
    await toPerson(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect((await agent.post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    const before = service.connector.of(borrower.conversationId).length;
    expect((await agent.post(`/api/agent/cases/${caseId}/close`, { outcome: 'resolved' })).status).toBe(200);
    return { caseId, sent: service.connector.of(borrower.conversationId).slice(before) };
  }

  test('zh-CN: the close asks once (1–5 and skip, after the handoff completed); "4" then a comment are recorded on the case and in the transcript; a later "5" is not a rating; the supervisor sees the average and count per agent', async () => {
    const before = await ratingsOf('agent-li');
    const borrower = service.borrower();
    const { caseId, sent } = await closedBy(li(), borrower, escalateAtOffers);
    const completed = sent.findIndex((a) => a.name === 'handoff.status');
    const question = sent.findIndex((a) => textOf(a).includes('为刚才工作人员的服务打个分'));
    expect(completed).toBeGreaterThanOrEqual(0);
    expect(question).toBeGreaterThan(completed);
    expect(buttonsOf(sent[question])).toEqual(['1', '2', '3', '4', '5', '跳过']);

    const rated = await borrower.say('4');
    expect(rated.replies.map(textOf).join()).toContain('还有什么想告诉我们的吗');
    expect(buttonsOf(rated.replies.at(-1))).toEqual(['跳过']);
    const commented = await borrower.say('处理得很快，电话 13912345678');
    expect(commented.replies.map(textOf).join()).toContain('感谢您的反馈');
    const later = await borrower.say('5');
    expect(later.replies.map(textOf).join()).toContain('本次协商已结束');

    const view = await li().get<CaseView & { survey?: Record<string, unknown> }>(`/api/agent/cases/${caseId}`);
    const events = view.body.transcript.filter((e) => e.text.startsWith('survey.'));
    expect(events.map((e) => e.text)).toEqual(['survey.asked', 'survey.rated', 'survey.commented']);
    expect(events[1]!.data).toMatchObject({ rating: 4, agentId: 'agent-li' });
    expect(String(events[2]!.data?.comment)).toContain('处理得很快');
    expect(String(events[2]!.data?.comment)).not.toContain('13912345678');
    expect(view.body.survey).toMatchObject({ state: 'answered', rating: 4, agentId: 'agent-li' });

    const after = await ratingsOf('agent-li');
    expect(after.count).toBe(before.count + 1);
    const expected = ((before.average ?? 0) * before.count + 4) / (before.count + 1);
    expect(after.average).toBeCloseTo(expected, 1);
    const floor = await boss().get<{ satisfaction: Satisfaction['agents'] }>('/api/agent/floor');
    expect(floor.body.satisfaction.find((a) => a.agentId === 'agent-li')).toEqual(after);
  });

  test('en: the question in English; "Skip" ends it without a rating (the agent\'s count is unchanged); a later "5" gets the closed answer', async () => {
    const before = await ratingsOf('agent-amy');
    const borrower = service.borrower({ locale: 'en' });
    const { caseId, sent } = await closedBy(amy(), borrower, (b) => b.say('I want to talk to an agent'));
    const question = sent.find((a) => textOf(a).includes('how would you rate the service'));
    expect(buttonsOf(question)).toEqual(['1', '2', '3', '4', '5', 'Skip']);
    expect((await borrower.say('Skip')).replies.map(textOf).join()).toContain('Thank you for your feedback');
    expect((await borrower.say('5')).replies.map(textOf).join()).toContain('This conversation has ended');
    const view = await amy().get<CaseView>(`/api/agent/cases/${caseId}`);
    expect(view.body.transcript.filter((e) => e.text.startsWith('survey.')).map((e) => e.text)).toEqual([
      'survey.asked',
      'survey.declined',
    ]);
    expect(await ratingsOf('agent-amy')).toEqual(before);
  });

  test('zh-TW: a reply that is not a rating is answered as usual and ends the survey; asking for a person reopens the case', async () => {
    const borrower = service.borrower({ locale: 'zh-TW' });
    const { caseId, sent } = await closedBy(li(), borrower, (b) => b.say('我要找人工'));
    expect(sent.map(textOf).join()).toContain('為剛才工作人員的服務打個分');
    expect((await borrower.say('我還有一個問題')).replies.map(textOf).join()).toContain('本次協商已結束');
    expect((await borrower.say('5')).replies.map(textOf).join()).toContain('本次協商已結束');
    expect((await borrower.say('人工')).replies.map(textOf).join()).not.toContain('打個分');
    const view = await boss().get<CaseView>(`/api/agent/cases/${caseId}`);
    expect(view.body.status).toBe('escalated');
    expect(view.body.transcript.filter((e) => e.text.startsWith('survey.')).map((e) => e.text)).toEqual([
      'survey.asked',
      'survey.ended',
    ]);
  });

  test('a survey left unanswered for more than a day expires: a later "5" is an ordinary message, no rating counted', async () => {
    const before = await ratingsOf('agent-li');
    const borrower = service.borrower();
    const { caseId } = await closedBy(li(), borrower, (b) => b.say('我要找人工'));
    await advance(service, new Date(Date.now() + 25 * 3_600_000).toISOString());
    expect((await borrower.say('5')).replies.map(textOf).join()).toContain('本次协商已结束');
    const view = await boss().get<CaseView>(`/api/agent/cases/${caseId}`);
    expect(view.body.transcript.filter((e) => e.text.startsWith('survey.')).map((e) => e.text)).toEqual([
      'survey.asked',
      'survey.expired',
    ]);
    expect(await ratingsOf('agent-li')).toEqual(before);
  });

  test('roles: the satisfaction route is for supervisors (401 without a token, 403 for an agent)', async () => {
    expect((await deskClient(service.url).get('/api/agent/satisfaction')).status).toBe(401);
    expect((await li().get('/api/agent/satisfaction')).status).toBe(403);
    expect((await boss().get('/api/agent/satisfaction')).status).toBe(200);
  });
});
