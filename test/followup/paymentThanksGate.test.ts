// The payment's thank-you is a proactive message like any other: contact hours, opt-out (through real HTTP and the stub).
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { converse } from '../helpers/conversation.js';
import { JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const THANKS = '感谢您，已收到还款';

describe.each(STORE_KINDS)('the thank-you for a payment passes the contact gate (%s store)', (kind) => {
  const running: RunningService[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });

  async function agreed() {
    const service = await startService(storeEnv(kind));
    running.push(service);
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, JOB_LOSS_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const first = agreement.dueDates.find((line) => line.amountMinor > 0)!;
    const said = () => service.connector.of(borrower.conversationId).map(textOf);
    return { service, borrower, caseId, agreement, first, said };
  }

  it('a payment recorded at 23:30 local time is thanked at 08:00 the next morning, once', async () => {
    const { service, caseId, agreement, first, said } = await agreed();
    const paidAt = shanghai(first.dueDate, '23:30', -1);
    await advance(service, paidAt);
    await pay(service, {
      paymentId: `night-${caseId}`,
      accountRef: agreement.accountRef,
      amountMinor: first.amountMinor,
      paidAt,
    });
    expect(said().filter((text) => text.includes(THANKS))).toHaveLength(0);
    // The payment itself counts at once: the plan waits for the next instalment.
    const { record } = await service.app.store.load(caseId);
    expect((record?.plan?.snapshot as { context: { current: number } }).context.current).toBe(1);
    await advance(service, shanghai(first.dueDate, '12:00'));
    expect(said().filter((text) => text.includes(THANKS))).toHaveLength(1);
    const transcript = await service.app.store.transcript(caseId);
    const thanks = transcript.filter((e) => e.kind === 'message' && e.text.includes(THANKS));
    expect(thanks).toHaveLength(1);
    expect(localDateTime(new Date(thanks[0]!.at), 'Asia/Shanghai')).toEqual({ date: first.dueDate, time: '08:00' });
    expect(thanks[0]!.text).toContain('退订');
    expect(transcript.some((e) => e.text === 'plan.contactDeferred' && e.data?.job === 'message')).toBe(true);
  });

  it('an opted-out borrower who pays is not thanked, and the payment still counts', async () => {
    const { service, borrower, caseId, agreement, first, said } = await agreed();
    await borrower.say('退订');
    const before = said().length;
    const paidAt = shanghai(first.dueDate, '10:00', -1);
    await advance(service, paidAt);
    await pay(service, {
      paymentId: `stop-${caseId}`,
      accountRef: agreement.accountRef,
      amountMinor: first.amountMinor,
      paidAt,
    });
    await advance(service, shanghai(first.dueDate, '12:00', 2));
    expect(said().length).toBe(before);
    const { record } = await service.app.store.load(caseId);
    expect((record?.plan?.snapshot as { context: { current: number } }).context.current).toBe(1);
  });
});
