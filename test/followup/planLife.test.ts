// A plan's life with the test clock, through real HTTP, the lender API and the channel stub, on memory and Redis.
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { addMonths, localDateTime } from '../../src/domain/plan.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { converse } from '../helpers/conversation.js';
import { JOB_LOSS_AGREED, WAIVER_AGREED } from '../helpers/balancedBorrower.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

describe.each(STORE_KINDS)('a plan from agreement to its end (%s store)', (kind) => {
  const running: RunningService[] = [];
  const receivers: TestReceiver[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    for (const receiver of receivers.splice(0)) await receiver.stop();
  });

  async function agreed(options: { at?: string; env?: Record<string, string>; waiver?: true } = {}) {
    const receiver = await new TestReceiver().start();
    receivers.push(receiver);
    const service = await startService({
      ...storeEnv(kind),
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: receiver.secret,
      ...options.env,
    });
    running.push(service);
    // Every run starts at the same local time of day, tomorrow: the plan's times do not depend on the wall clock.
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, options.at ?? '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, options.waiver ? WAIVER_AGREED : JOB_LOSS_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const lines = agreement.dueDates.filter((line) => line.amountMinor > 0);
    const said = () => service.connector.of(borrower.conversationId).map(textOf);
    const events = async () =>
      (await service.app.store.transcript(caseId)).filter((e) => e.kind === 'event').map((e) => e.text);
    return { service, receiver, borrower, caseId, agreement, lines, said, events };
  }

  it('kept to the end: reminders inside contact hours, the waiver earned at the third payment, completed, the lender told', async () => {
    const { service, receiver, caseId, agreement, lines, said, events } = await agreed({ waiver: true });
    expect(agreement.offer.waiver?.afterPayments).toBe(3);
    for (const [index, line] of lines.entries()) {
      const paidAt = shanghai(line.dueDate, '10:00', -1);
      await advance(service, paidAt);
      await pay(service, {
        paymentId: `pay-${caseId}-${index}`,
        accountRef: agreement.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
      // The lender's retry of the same payment counts once.
      await pay(service, {
        paymentId: `pay-${caseId}-${index}`,
        accountRef: agreement.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
      if (index === 2) expect(said().at(-1)).toMatch(/罚息和滞纳金已为您减免/);
    }
    const transcript = await service.app.store.transcript(caseId);
    const proactive = transcript.filter((e) => e.kind === 'message' && e.data?.proactive === true);
    expect(proactive.filter((e) => e.text.includes('温馨提醒'))).toHaveLength(lines.length);
    for (const entry of proactive) {
      const local = localDateTime(new Date(entry.at), 'Asia/Shanghai').time;
      expect(local >= '08:00' && local < '22:00', `${entry.at} ${entry.text}`).toBe(true);
    }
    expect(said().filter((text) => text.includes('感谢您，已收到还款'))).toHaveLength(lines.length);
    expect(said().at(-1)).toContain('已全部还清');
    expect(await events()).toEqual(expect.arrayContaining(['plan.waiver_earned', 'plan.completed']));
    const { record } = await service.app.store.load(caseId);
    expect(record?.plan?.state).toBe('completed');
    await expect
      .poll(() => receiver.received.map((event) => event.type), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['plan.waiver_earned', 'plan.completed', 'payment.recorded']));
    const earned = receiver.received.find((event) => event.type === 'plan.waiver_earned')!;
    expect(earned.data).toMatchObject({ caseId, reference: agreement.reference, instalment: 3 });
  });

  it('missed → check-in → a promise by a date → paid by then: kept, and "我的计划" shows it', async () => {
    const { service, receiver, borrower, caseId, agreement, lines, said, events } = await agreed();
    const first = lines[0]!;
    await advance(service, shanghai(first.dueDate, '12:00', 4));
    expect(said().join('\n')).toContain('您的情况有变化吗');
    // Two days after the check-in, as a borrower types it.
    const promised = (await borrower.say('我后天能还上')).replies;
    expect(promised.map(textOf).join('\n')).toMatch(/已记录：您将在 \d{4}-\d{2}-\d{2} 前还款/);
    const paidAt = shanghai(first.dueDate, '15:00', 5);
    await advance(service, paidAt);
    await pay(service, {
      paymentId: `late-${caseId}`,
      accountRef: agreement.accountRef,
      amountMinor: first.amountMinor,
      paidAt,
    });
    expect(await events()).toEqual(expect.arrayContaining(['promise.made', 'promise.kept']));
    expect(await events()).not.toContain('promise.broken');
    const plan = (await borrower.say('我的计划')).replies.map(textOf).join('\n');
    expect(plan).toContain(agreement.reference);
    expect(plan).toMatch(/第 1 期：.*逾期已还/);
    const { record } = await service.app.store.load(caseId);
    expect(record?.plan?.state).toBe('onTrack');
    await expect
      .poll(() => receiver.received.map((event) => event.type), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['plan.payment_missed', 'promise.made', 'promise.kept']));
  });

  it('a review answered "情况变了" reopens the interview with the earlier answers shown; the plan is renegotiating', async () => {
    const { service, borrower, caseId, agreement, lines, said } = await agreed({ waiver: true });
    const reviewDay = addMonths(agreement.agreedAt.slice(0, 10), 3);
    for (const [index, line] of lines.filter((l) => l.dueDate < reviewDay).entries()) {
      const paidAt = shanghai(line.dueDate, '10:00', -1);
      await advance(service, paidAt);
      await pay(service, {
        paymentId: `r-${caseId}-${index}`,
        accountRef: agreement.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
    }
    await advance(service, shanghai(reviewDay, '21:00'));
    expect(said().join('\n')).toContain('您的情况和约定还款计划时一样吗');
    const reply = (await borrower.say('不一样了，收入又少了')).replies.map(textOf).join('\n');
    expect(reply).toContain('我们重新了解一下您的情况');
    // The interview reopens with what the borrower said last time shown, to answer again or keep.
    expect(reply).toContain('您上次告诉我们的情况如下');
    expect(reply).toContain('逾期原因：失业');
    expect(reply).toContain('月收入：¥8,000.00');
    expect(reply).toContain('每月必要开支：¥3,500.00');
    expect(reply).toContain('每月能还：¥2,500.00');
    expect(reply.indexOf('您上次告诉我们')).toBeLessThan(reply.indexOf('身份证号码的后四位'));
    const { record } = await service.app.store.load(caseId);
    expect(record?.status).toBe('active');
    expect(record?.plan?.state).toBe('renegotiating');
  });

  it('a reminder due at 23:30 local time is sent at 08:00 the next morning', async () => {
    // The borrower agrees at 23:30 in Shanghai: reminders are planned at the time of day of the agreement.
    const { service, caseId, lines } = await agreed({ at: '23:30' });
    await advance(service, shanghai(lines[0]!.dueDate, '12:00', -2));
    const transcript = await service.app.store.transcript(caseId);
    const reminder = transcript.find((e) => e.kind === 'message' && e.text.includes('温馨提醒'))!;
    expect(reminder).toBeDefined();
    expect(localDateTime(new Date(reminder.at), 'Asia/Shanghai')).toEqual({
      date: localDateTime(new Date(shanghai(lines[0]!.dueDate, '12:00', -2)), 'Asia/Shanghai').date,
      time: '08:00',
    });
    expect(transcript.map((e) => e.text)).toContain('plan.contactDeferred');
  });
});
