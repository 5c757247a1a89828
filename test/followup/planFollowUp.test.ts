// A plan after the agreement, with the test clock, through real HTTP and the channel stub, on memory and Redis.
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { localDateTime } from '../../src/domain/plan.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { converse } from '../helpers/conversation.js';
import { JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

const ADMIN = { authorization: 'Bearer dev-admin-token', 'content-type': 'application/json' };

async function advance(service: RunningService, advanceTo: string) {
  const response = await fetch(`${service.url}/api/admin/clock`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ advanceTo }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { now: string; jobsRun: number; error?: { message: string } },
  };
}

describe.each(STORE_KINDS)('the plan after the agreement (%s store)', (kind) => {
  const running: RunningService[] = [];
  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });

  async function agreed() {
    const service = await startService(storeEnv(kind));
    running.push(service);
    const borrower = service.borrower({ locale: 'zh-CN' });
    await converse(borrower, JOB_LOSS_AGREED);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const agreement = (await service.app.store.agreement(caseId))!;
    const before = service.connector.of(borrower.conversationId).length;
    return { service, borrower, caseId, agreement, before };
  }

  it('reminds before the first due date, inside contact hours in the borrower time zone, and records it', async () => {
    const { service, borrower, caseId, agreement, before } = await agreed();
    const due = agreement.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
    const moved = await advance(service, `${due}T12:00:00+08:00`);
    expect(moved.status).toBe(200);
    expect(moved.body.jobsRun).toBeGreaterThanOrEqual(1);
    const proactive = service.connector.of(borrower.conversationId).slice(before);
    const reminder = proactive.find((activity) => textOf(activity).includes('温馨提醒'));
    expect(reminder, proactive.map(textOf).join('\n')).toBeDefined();
    expect(textOf(reminder!)).toContain(agreement.reference);
    expect(textOf(reminder!)).toContain('退订');
    const transcript = await service.app.store.transcript(caseId);
    const sent = transcript.find((entry) => entry.kind === 'message' && entry.text.includes('温馨提醒'))!;
    const local = localDateTime(new Date(sent.at), 'Asia/Shanghai');
    expect(local.time >= '08:00' && local.time < '22:00', local.time).toBe(true);
  });

  it('sends nothing to a borrower who opted out', async () => {
    const { service, borrower, agreement, before } = await agreed();
    await borrower.say('退订');
    const after = service.connector.of(borrower.conversationId).length;
    expect(after).toBeGreaterThan(before);
    const due = agreement.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
    expect((await advance(service, `${due}T12:00:00+08:00`)).status).toBe(200);
    expect(service.connector.of(borrower.conversationId).length).toBe(after);
  });

  it('a missed payment: check-in after the grace days, no answer, the plan is broken and 二次协商 is offered', async () => {
    const { service, borrower, caseId, agreement, before } = await agreed();
    const due = agreement.dueDates.find((line) => line.amountMinor > 0)!.dueDate;
    const day = (iso: string, days: number) =>
      new Date(Date.parse(`${iso}T12:00:00+08:00`) + days * 86_400_000).toISOString();
    expect((await advance(service, day(due, 4))).status).toBe(200);
    const afterGrace = service.connector.of(borrower.conversationId).slice(before).map(textOf);
    expect(afterGrace.join('\n')).toContain('您的情况有变化吗');
    expect((await advance(service, day(due, 12))).status).toBe(200);
    const all = service.connector.of(borrower.conversationId).slice(before).map(textOf).join('\n');
    expect(all).toContain('重新协商');
    const events = (await service.app.store.transcript(caseId)).filter((e) => e.kind === 'event').map((e) => e.text);
    expect(events).toEqual(expect.arrayContaining(['plan.started', 'plan.payment_missed', 'plan.broken']));
    const { record } = await service.app.store.load(caseId);
    expect(record?.plan?.state).toBe('broken');
  });

  it('refuses to move the clock backwards, with a clear message', async () => {
    const service = await startService(storeEnv(kind));
    running.push(service);
    const result = await advance(service, '2000-01-01T00:00:00Z');
    expect(result.status).toBe(400);
    expect(result.body.error?.message).toMatch(/only moves forward/);
  });
});
