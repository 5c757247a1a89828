// 二次协商 with the test clock: a plan broken by a missed payment left unanswered, the borrower negotiates again and
// agrees a second plan under the stricter policy for broken arrangements; the second plan's reminders are sent.
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { converse, type Line } from '../helpers/conversation.js';
import { JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const LENDER = { authorization: 'Bearer dev-lender-token', 'content-type': 'application/json' };

/** The same borrower negotiating again after 二次协商 opened: identity first, then the interview, then a plan. */
const NEGOTIATES_AGAIN: readonly Line[] = [
  ['1234', '出生日期'],
  ['1990-05-20', ['身份核实成功', '主要原因']],
  ['失业', '暂时的'],
  ['暂时的', '几个月'],
  ['3', '税后收入'],
  ['8000', '生活开支'],
  ['三千五', '其他贷款'],
  ['没有', '供养'],
  ['1', '每月能还多少'],
  ['两千五', ['方案1', '每月还款']],
  ['方案1', '请确认还款协议'],
  ['我同意', /协议编号 XS-/],
];

describe.each(STORE_KINDS)('a second agreement after a broken plan (%s store)', (kind) => {
  const running: RunningService[] = [];
  const receivers: TestReceiver[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    for (const receiver of receivers.splice(0)) await receiver.stop();
  });

  it('missed → no answer → broken → 二次协商 → a second agreement under the stricter policy, its reminders sent', async () => {
    const receiver = await new TestReceiver().start();
    receivers.push(receiver);
    const service = await startService({
      ...storeEnv(kind),
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: receiver.secret,
    });
    running.push(service);
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    const offersShown = (deliveries: Awaited<ReturnType<typeof converse>>) =>
      deliveries.flatMap((d) => d.replies.map(textOf)).join('\n');
    const firstOffers = offersShown(await converse(borrower, JOB_LOSS_AGREED));
    expect(firstOffers).toContain('减免罚息和滞纳金');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const said = () => service.connector.of(borrower.conversationId).map(textOf);
    const first = (await service.app.store.agreement(caseId))!;
    const due = first.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
    // No payment, no answer to the check-in: broken after the answer window.
    await advance(service, shanghai(due, '12:00', 12));
    expect(said().join('\n')).toContain('您的情况有变化吗');
    expect(said().at(-1)).toContain('重新协商');
    expect((await service.app.store.load(caseId)).record?.plan?.state).toBe('broken');

    const reopened = (await borrower.say('好的，重新谈吧')).replies.map(textOf).join('\n');
    expect(reopened).toContain('身份证号码的后四位');
    // The lender's copy of the account still says no broken arrangement (its update, or ours, not yet there).
    const accountUrl = `${service.url}/api/lender/accounts/${first.accountRef}`;
    const account = (await (await fetch(accountUrl, { headers: LENDER })).json()) as Record<string, unknown>;
    const put = await fetch(accountUrl, {
      method: 'PUT',
      headers: LENDER,
      body: JSON.stringify({ ...account, brokenArrangements12m: 0 }),
    });
    expect(put.status).toBe(200);

    const secondOffers = offersShown(await converse(borrower, NEGOTIATES_AGAIN));
    const second = (await service.app.store.agreement(caseId))!;
    expect(second.reference).not.toBe(first.reference);
    // The stricter policy of 二次协商: the broken arrangement counted, no waiver offered.
    expect(secondOffers).not.toContain('减免罚息和滞纳金');
    expect(second.offer.waiver).toBeUndefined();
    const { record } = await service.app.store.load(caseId);
    const basis = (record?.snapshot as { context: { basis?: { brokenArrangements12m: number } } }).context.basis;
    expect(basis?.brokenArrangements12m).toBe(1);
    expect(record?.plan?.state).toBe('onTrack');
    expect(record?.plan?.earlier).toEqual([expect.objectContaining({ reference: first.reference, state: 'broken' })]);
    const context = (record?.plan?.snapshot as { context: { reference: string } }).context;
    expect(context.reference).toBe(second.reference);

    const secondDue = second.dueDates.find((line) => line.amountMinor > 0)!;
    await advance(service, shanghai(secondDue.dueDate, '12:00', -1));
    const reminders = said().filter((text) => text.includes('温馨提醒'));
    expect(reminders.at(-1)).toContain(second.reference);
    expect(reminders.filter((text) => text.includes(second.reference))).toHaveLength(1);
    await pay(service, {
      paymentId: `second-${caseId}`,
      accountRef: second.accountRef,
      amountMinor: secondDue.amountMinor,
      paidAt: shanghai(secondDue.dueDate, '12:00', -1),
    });
    expect(said().at(-1)).toContain('感谢您，已收到还款');
    await expect
      .poll(() => receiver.received.filter((e) => e.type === 'plan.broken').map((e) => e.data.reference), {
        timeout: 10_000,
      })
      .toEqual([first.reference]);
  });
});
