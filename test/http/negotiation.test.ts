// Whole negotiations over the Bot Framework protocol, through the real restify server, on every store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { textOf } from '../helpers/borrowerChannel.js';

describe.each(STORE_KINDS)('negotiation on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  it('job-loss borrower accepts the first offer – agreement with schedule and reference, nothing queued', async () => {
    const borrower = service.borrower();
    await converse(borrower, JOB_LOSS_TO_OFFERS);
    // 方案1 for this borrower is a 3-month pause: the payments are counted without the pause months; ¥36,000 at 18% (frozen during the pause) in 31 payments of at most the regular ¥1,500.
    const [review] = await converse(borrower, [
      [
        '方案1',
        [
          '请确认还款协议',
          '宽限期',
          '共 31 期',
          '其中利息 ¥9,280.96',
          '年化利率 14.82%',
          '暂停还款: 3 个月',
          '还款计划',
          '我同意',
        ],
      ],
    ]);
    expect(review!.replies.at(-1)?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const [recorded] = await converse(borrower, [['我同意', [/协议编号 XS-\d{8}-[A-Z0-9]{6}/, '还款计划']]]);
    const card = recorded!.replies[0]!.attachments![0]!.content;
    expect(JSON.stringify(card.body)).toMatch(/XS-\d{8}-[A-Z0-9]{6}/);

    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = await service.app.store.agreement(caseId);
    expect(agreement?.reference).toMatch(/^XS-/);
    const scheduleSum = agreement!.dueDates.reduce((sum, line) => sum + line.amountMinor, 0);
    expect(scheduleSum).toBe(agreement!.offer.totalMinor);
    expect(await service.app.queue.list()).not.toContainEqual(expect.objectContaining({ caseId }));

    const transcript = await service.app.store.transcript(caseId);
    expect(transcript.filter((entry) => entry.actor === 'borrower')).toHaveLength(JOB_LOSS_TO_OFFERS.length + 2);
    expect(transcript.some((entry) => entry.actor === 'bot' && entry.text.includes('协议编号'))).toBe(true);
    expect(transcript.find((entry) => entry.text === 'agreement.recorded')?.data).toMatchObject({
      reference: agreement!.reference,
    });
    expect(transcript.every((entry) => !Number.isNaN(Date.parse(entry.at)))).toBe(true);
    expect(transcript.map((entry) => entry.text).join('\n')).not.toContain('1990-05-20');

    await converse(borrower, [['谢谢', agreement!.reference]]);
  });

  it('counter-offers twice below the minimum – escalated with the transcript, priority normal', async () => {
    const borrower = service.borrower();
    await converse(borrower, JOB_LOSS_TO_OFFERS);
    await converse(borrower, [['每月只能还100', ['每月最少需要还', '¥']]]);
    const [last] = await converse(borrower, [['那150呢', '工作人员']]);
    const handoff = last!.replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
    expect(handoff?.value).toMatchObject({ reason: 'counterOffersExhausted', priority: 'normal' });
    const attached =
      (handoff?.attachments?.[0] as { content?: { activities?: Array<{ text?: string }> } } | undefined)?.content
        ?.activities ?? [];
    expect(attached.map((activity) => activity.text).join('\n')).toContain('每月只能还100');
    const queued = await service.app.queue.list();
    expect(queued).toContainEqual(
      expect.objectContaining({
        caseId: caseIdFor(borrower.channelId, borrower.conversationId),
        reason: 'counterOffersExhausted',
        priority: 'normal',
      }),
    );
  });

  it('counter-offer that a plan reaches – accepted and confirmed', async () => {
    const borrower = service.borrower();
    await converse(borrower, JOB_LOSS_TO_OFFERS);
    await converse(borrower, [
      ['我每月能还2000', ['可以安排', '请确认还款协议']],
      ['我同意', '协议编号'],
    ]);
  });

  it('disputes the debt after the summary – escalates, priority high, collection talk stops', async () => {
    const borrower = service.borrower();
    const [, , , summary] = await converse(borrower, JOB_LOSS_TO_OFFERS.slice(0, 4));
    expect(summary).toBeDefined();
    const [disputed] = await converse(borrower, [['这不是我的欠款，我从来没借过', ['异议', '不会继续催收']]]);
    expect(disputed!.replies.find((reply) => reply.name === 'handoff.initiate')?.value).toMatchObject({
      reason: 'dispute',
      priority: 'high',
    });
    await converse(borrower, [
      ['还要等多久', '工作人员正在处理'],
      ['退订', '不会再主动联系'],
    ]);
  });

  it('asks for a person in Traditional Chinese at the first question – escalated, priority normal', async () => {
    const borrower = service.borrower({ locale: 'zh-TW' });
    await converse(borrower, [['您好', ['自動協商助手', '合同號']]]);
    const [asked] = await converse(borrower, [['我要轉人工', '轉接工作人員']]);
    expect(asked!.replies.find((reply) => reply.name === 'handoff.initiate')?.value).toMatchObject({
      reason: 'humanRequested',
      priority: 'normal',
    });
  });

  it('fails the identity check three times – locked and sent to an agent, no debt detail shown', async () => {
    const borrower = service.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
      ['1111', '出生日期'],
      ['1990-01-01', ['不符', '后四位']],
      ['1234', '出生日期'],
      ['1991-05-20', ['不符', '后四位']],
      ['1234', '出生日期'],
    ]);
    const [locked] = await converse(borrower, [['1990-05-21', '身份核实未能通过']]);
    expect(locked!.replies.find((reply) => reply.name === 'handoff.initiate')?.value).toMatchObject({
      reason: 'identityFailed',
    });
    expect(borrower.allText()).not.toContain('¥4,500.00');
  });

  it('discloses thoughts of self-harm – urgent handoff and a support message', async () => {
    const borrower = service.borrower();
    await converse(borrower, JOB_LOSS_TO_OFFERS.slice(0, 5));
    const [urgent] = await converse(borrower, [['我真的不想活了', ['暂停', '热线']]]);
    expect(urgent!.replies.find((reply) => reply.name === 'handoff.initiate')?.value).toMatchObject({
      reason: 'vulnerability',
      priority: 'urgent',
    });
  });

  it('garbage, an empty message and a 50 KB message – polite re-prompts, the conversation goes on', async () => {
    const borrower = service.borrower();
    await converse(borrower, JOB_LOSS_TO_OFFERS.slice(0, 4));
    await converse(borrower, [
      ['asdf qwer 🙃🙃', ['没有理解', '主要原因']],
      ['', ['没有理解', '主要原因']],
      ['啊'.repeat(50 * 1024), ['太长', '主要原因']],
      ['😀', ['还是没有理解', '转人工']],
      ['失业', '暂时的'],
    ]);
  });

  it('switches to English on request – the same question, in English', async () => {
    const borrower = service.borrower();
    await converse(borrower, [
      ['hi', '合同号'],
      ['English please', ['continue in English', 'account reference']],
      ['LN-2024-0001', 'last four'],
    ]);
  });

  it('a channel user the creditor registered – goes straight to the identity check', async () => {
    const borrower = service.borrower({ userId: 'wang-xiaoming' });
    const [first] = await converse(borrower, [['你好', ['自动协商助手', '后四位']]]);
    expect(first!.replies.map(textOf).join('\n')).not.toContain('合同号');
  });

  it('a redelivered activity – acknowledged with 200 and processed once', async () => {
    const borrower = service.borrower();
    await converse(borrower, [['你好', '合同号']]);
    const activity = borrower.activity({ text: 'LN-2024-0001' });
    const first = await borrower.post(activity);
    const again = await borrower.post(activity);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.replies.length).toBeGreaterThan(0);
    expect(again.replies).toHaveLength(0);
    const transcript = await service.app.store.transcript(caseIdFor(borrower.channelId, borrower.conversationId));
    expect(transcript.filter((entry) => entry.actor === 'borrower')).toHaveLength(2);
  });
});
