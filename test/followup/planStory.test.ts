// One plan's whole life in zh-CN, as the borrower's channel and the lender's webhook receiver saw it: asserted, and
// written to test-artifacts/plan-life.zh-CN.txt (the closing note of the plan lifecycle issue).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { addMonths, localDateTime } from '../../src/domain/plan.js';
import { converse } from '../helpers/conversation.js';
import { WAIVER_AGREED } from '../helpers/balancedBorrower.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { startService, storeEnv, type RunningService } from '../helpers/service.js';

describe('one plan from agreement to completion, in zh-CN', () => {
  const closing: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it('reminders, the waiver at the third payment, a review kept, a miss, a promise kept, completion: every step told to the borrower and the lender', async () => {
    const receiver = await new TestReceiver().start();
    closing.push(() => receiver.stop());
    const service: RunningService = await startService({
      ...storeEnv('memory'),
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: receiver.secret,
    });
    closing.unshift(() => service.stop());
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, WAIVER_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const lines = agreement.dueDates.filter((line) => line.amountMinor > 0);
    const reviewDay = addMonths(agreement.agreedAt.slice(0, 10), 3);
    const missed = 3; // the fourth instalment: after the waiver is earned
    const reviewAt = shanghai(reviewDay, '21:00');
    let reviewed = false;
    /** The review is answered when it falls before the next step of the story. */
    const reviewBefore = async (at: string) => {
      if (reviewed || reviewAt > at) return;
      reviewed = true;
      await advance(service, reviewAt);
      await converse(borrower, [['一样，没有变化', '还款计划保持不变']]);
    };
    for (const [index, line] of lines.entries()) {
      if (index === missed) {
        await reviewBefore(shanghai(line.dueDate, '12:00', 4));
        await advance(service, shanghai(line.dueDate, '12:00', 4));
        await converse(borrower, [['我后天能还上', /已记录：您将在 \d{4}-\d{2}-\d{2} 前还款/]]);
        const paidAt = shanghai(line.dueDate, '15:00', 5);
        await advance(service, paidAt);
        await pay(service, {
          paymentId: `story-${index}`,
          accountRef: agreement.accountRef,
          amountMinor: line.amountMinor,
          paidAt,
        });
        continue;
      }
      const paidAt = shanghai(line.dueDate, '10:00', -1);
      await reviewBefore(paidAt);
      await advance(service, paidAt);
      await pay(service, {
        paymentId: `story-${index}`,
        accountRef: agreement.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
    }
    expect(reviewed).toBe(true);
    await converse(borrower, [['我的计划', agreement.reference]]);
    const expected = [
      'plan.started',
      'plan.waiver_earned',
      'plan.payment_missed',
      'promise.made',
      'promise.kept',
      'plan.completed',
    ];
    await expect
      .poll(() => receiver.received.map((event) => event.type), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(expected.filter((type) => type !== 'plan.started')));
    const { record } = await service.app.store.load(caseId);
    expect(record?.plan?.state).toBe('completed');

    const transcript = await service.app.store.transcript(caseId);
    const local = (at: string) => {
      const { date, time } = localDateTime(new Date(at), 'Asia/Shanghai');
      return `${date} ${time}`;
    };
    const who = { borrower: '借款人', bot: '助手', system: '系统', agent: '工作人员' } as const;
    const channel = transcript
      .filter((e) => e.kind === 'message' || e.text.startsWith('plan.') || e.text.startsWith('promise.'))
      .map((e) =>
        e.kind === 'message'
          ? `${local(e.at)}  ${who[e.actor as keyof typeof who] ?? e.actor}${e.data?.proactive ? '（主动）' : ''}：${e.text.replaceAll('\n', ' / ')}`
          : `${local(e.at)}  〔事件 ${e.text}〕`,
      );
    const webhook = receiver.received.map(
      (event) =>
        `${event.type}  ${JSON.stringify(Object.fromEntries(Object.entries(event.data).filter(([k]) => !['eventId', 'caseId'].includes(k))))}`,
    );
    const story = [
      `协议 ${agreement.reference}（${lines.length} 期，北京时间）`,
      '',
      '== 借款人的渠道（对话记录）==',
      ...channel,
      '',
      '== 债权机构的 webhook 接收方 ==',
      ...webhook,
      '',
    ].join('\n');
    const dir = join(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'plan-life.zh-CN.txt'), story);
    expect(story).toContain('温馨提醒');
    expect(story).toContain('罚息和滞纳金已为您减免');
    expect(story).toContain('已全部还清');
  }, 120_000);
});
