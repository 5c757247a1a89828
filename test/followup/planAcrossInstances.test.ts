// Plans across instances and restarts on Redis (each due job once, nothing lost), and the daily contact cap.
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { JOB_LOSS_AGREED, WAIVER_AGREED } from '../helpers/balancedBorrower.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { converse } from '../helpers/conversation.js';
import { copyDialogs } from '../helpers/dialogsCopy.js';
import { advance, pay, shanghai } from '../helpers/planClock.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const reminders = (texts: readonly string[]) => texts.filter((text) => text.includes('温馨提醒'));

describe.skipIf(!STORE_KINDS.includes('redis'))('plans on Redis across instances and restarts', () => {
  const running: RunningService[] = [];
  let connector: ConnectorStub | undefined;
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    await connector?.stop();
  });

  async function instance(env: Record<string, string>) {
    const service = await startService(env, {}, connector);
    running.push(service);
    return service;
  }

  async function agreedOn(service: RunningService) {
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, JOB_LOSS_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const lines = agreement.dueDates.filter((line) => line.amountMinor > 0);
    const texts = () => connector!.of(borrower.conversationId).map((a) => String(a.text ?? ''));
    return { borrower, caseId, agreement, lines, texts };
  }

  it('two instances: every reminder is sent once, whichever instance moves the clock', async () => {
    connector = await new ConnectorStub().start();
    const env = storeEnv('redis');
    const one = await instance(env);
    const two = await instance(env);
    const { caseId, agreement, lines, texts } = await agreedOn(one);
    for (const [index, line] of lines.slice(0, 3).entries()) {
      const paidAt = shanghai(line.dueDate, '10:00', -1);
      await advance(index % 2 === 0 ? one : two, paidAt);
      await pay(index % 2 === 0 ? two : one, {
        paymentId: `two-${caseId}-${index}`,
        accountRef: agreement.accountRef,
        amountMinor: line.amountMinor,
        paidAt,
      });
    }
    expect(reminders(texts())).toHaveLength(3);
    expect(texts().filter((text) => text.includes('感谢您，已收到还款'))).toHaveLength(3);
    const handled = (await one.app.store.load(caseId)).record!.plan!.handled;
    expect(new Set(handled).size).toBe(handled.length);
  });

  it('a restart in the middle of a plan loses and doubles nothing', async () => {
    connector = await new ConnectorStub().start();
    const env = storeEnv('redis');
    const before = await instance(env);
    const { caseId, agreement, lines, texts } = await agreedOn(before);
    const first = lines[0]!;
    await advance(before, shanghai(first.dueDate, '10:00', -1));
    await pay(before, {
      paymentId: `rs-${caseId}-0`,
      accountRef: agreement.accountRef,
      amountMinor: first.amountMinor,
      paidAt: shanghai(first.dueDate, '10:00', -1),
    });
    expect(reminders(texts())).toHaveLength(1);
    await before.stop();
    running.splice(running.indexOf(before), 1);
    // A new process on the same Redis: the jobs of the plan were scheduled there, none is planned again.
    const after = await instance(env);
    const second = lines[1]!;
    await advance(after, shanghai(second.dueDate, '12:00', 5));
    expect(reminders(texts())).toHaveLength(2);
    expect(texts().join('\n')).toContain('您的情况有变化吗');
    expect(texts().filter((text) => text.includes('您的情况有变化吗'))).toHaveLength(1);
    const { record } = await after.app.store.load(caseId);
    expect(record?.plan?.state).toBe('checkingIn');
  });
});

describe.each(STORE_KINDS)('the daily contact cap on plan messages (%s store)', (kind) => {
  const running: RunningService[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });

  it('a review and a reminder due at the same minute: the second waits a day when the cap is one a day', async () => {
    const dialogs = copyDialogs();
    dialogs.edit(
      'offer-policy.yaml',
      'caps: { maxPerDay: 2, maxPer7Days: 7 }',
      'caps: { maxPerDay: 1, maxPer7Days: 7 }',
    );
    dialogs.edit('offer-policy.yaml', 'remindDaysBefore: 3', 'remindDaysBefore: 0');
    dialogs.edit('offer-policy.yaml', /everyMonths: 3/, 'everyMonths: 1');
    const service = await startService({ ...storeEnv(kind), DIALOGS_DIR: dialogs.dir, DIALOGS_WATCH: 'off' });
    running.push(service);
    const today = localDateTime(new Date(), 'Asia/Shanghai').date;
    await advance(service, shanghai(today, '10:00', 1));
    const borrower = service.borrower({ locale: 'zh-CN' });
    // The plan with instalments from the first month: its first due date is the first review's day.
    await converse(borrower, WAIVER_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const due = agreement.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
    await advance(service, shanghai(due, '21:00', 1));
    const transcript = await service.app.store.transcript(caseId);
    const proactive = transcript.filter((e) => e.kind === 'message' && e.data?.proactive === true);
    expect(proactive.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < proactive.length; i++)
      expect(Date.parse(proactive[i]!.at) - Date.parse(proactive[i - 1]!.at)).toBeGreaterThanOrEqual(86_400_000);
    expect(transcript.some((e) => e.text === 'plan.contactDeferred' && String(e.data?.reason ?? '').length > 0)).toBe(
      true,
    );
  });
});
