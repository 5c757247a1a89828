// Lender events out: signed Standard Webhooks, retried after failures, once each across two instances, on every store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { eventsOfCommit } from '../../src/lender/events/eventsOfCommit.js';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { deliveries, until } from '../helpers/webhookDeliveries.js';

const ADMIN = { authorization: 'Bearer dev-admin-token' };

const LENDER = { authorization: 'Bearer dev-lender-token' };
const HOUR = 3_600_000;

/** An account the lender loads for the opt-out test (its borrower can be reached by SMS). */
const optOutAccount = () => ({
  creditor: '星河消费金融',
  product: 'loan',
  currency: 'CNY',
  borrower: { name: '周杰', phone: '13911112222', idLast4: '2580', birthDate: '1985-06-01', timeZone: 'Asia/Shanghai' },
  balanceMinor: 5_000_000,
  overdueMinor: 400_000,
  feesMinor: 20_000,
  regularMonthlyMinor: 200_000,
  contractRateBps: 1800,
  penaltyRateBps: 2700,
  remainingMonths: 24,
  daysPastDue: 40,
  contactChannels: [{ kind: 'sms', address: '13911112222' }],
});

/** A clock the test moves: retries are scheduled on it, so no test waits 30 real seconds. */
function testClock(start = Date.now()) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

async function agree(service: RunningService) {
  const borrower = service.borrower();
  await converse(borrower, [...JOB_LOSS_TO_OFFERS, ['方案1', '我同意'], ['我同意', /协议编号/]]);
  return caseIdFor(borrower.channelId, borrower.conversationId);
}

describe.each(STORE_KINDS)('webhooks on the %s store', (kind) => {
  let receiver: TestReceiver;
  let service: RunningService;
  const time = testClock();
  beforeAll(async () => {
    receiver = await await new TestReceiver().start();
    service = await startService(
      { ...storeEnv(kind), WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: receiver.secret },
      { clock: time.clock },
    );
  });
  afterAll(async () => {
    await service.stop();
    await receiver.stop();
  });

  it('a borrower agrees – agreement.recorded arrives signed, with case, account, schedule and no personal data', async () => {
    const caseId = await agree(service);
    await receiver.waitFor((got) => got.some((e) => e.type === 'agreement.recorded' && e.data.caseId === caseId));
    const event = receiver.received.find((e) => e.type === 'agreement.recorded' && e.data.caseId === caseId)!;
    expect(event.data).toMatchObject({ accountRef: 'LN-2024-0001', reference: expect.stringMatching(/^XS-/) });
    expect((event.data.schedule as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(event.data)).not.toMatch(/王小明|13800000001|1990-05-20|1234/);
    expect(receiver.rejected).toBe(0);
  });

  it('a receiver that fails twice – retried after ~5 s and ~30 s, recorded once as delivered, never sent again', async () => {
    receiver.failFirst = 2;
    try {
      const borrower = service.borrower();
      await converse(borrower, [...JOB_LOSS_TO_OFFERS.slice(0, 1), ['我要人工', '工作人员']]);
      const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
      const first = await until(async () => (await deliveries(service.url, 'failed')).find((d) => d.caseId === caseId));
      expect(first.attempts).toBe(1);
      time.advance(5_000);
      await until(async () =>
        (await deliveries(service.url, 'failed')).find((d) => d.id === first.id && d.attempts === 2),
      );
      time.advance(30_000);
      await receiver.waitFor((got) => got.some((e) => e.type === 'case.escalated' && e.data.caseId === caseId));
      const event = receiver.received.find((e) => e.type === 'case.escalated' && e.data.caseId === caseId)!;
      expect(event.data).toMatchObject({ reason: 'humanRequested', priority: 'normal' });
      expect(receiver.attemptsOf(event.id)).toBe(3);
      const delivered = await until(async () => {
        const all = await deliveries(service.url, 'delivered');
        return all.some((d) => d.id === event.id) ? all : undefined;
      });
      expect(delivered.filter((d) => d.id === event.id)).toEqual([
        expect.objectContaining({ status: 'delivered', attempts: 3 }),
      ]);
      time.advance(HOUR);
      await service.app.dispatcher!.pass();
      expect(receiver.attemptsOf(event.id)).toBe(3);
    } finally {
      receiver.failFirst = 0;
    }
  });

  it('a receiver that never accepts – dead-lettered once 24 h have passed, then redelivered over HTTP and received once', async () => {
    receiver.failFirst = Number.POSITIVE_INFINITY;
    try {
      const borrower = service.borrower();
      await converse(borrower, [...JOB_LOSS_TO_OFFERS.slice(0, 1), ['我要人工', '工作人员']]);
      const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
      const first = await until(async () => (await deliveries(service.url, 'failed')).find((d) => d.caseId === caseId));
      expect(first.attempts).toBe(1);

      time.advance(23 * HOUR);
      const retried = await until(async () =>
        (await deliveries(service.url, 'failed')).find((d) => d.id === first.id && d.attempts === 2),
      );
      expect(Date.parse(retried.nextAttemptAt!) - Date.parse(retried.lastAttemptAt!)).toBe(30_000);
      time.advance(HOUR);
      const dead = await until(async () => (await deliveries(service.url, 'dead')).find((d) => d.id === first.id));
      expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 500', type: 'case.escalated' });
      expect((await deliveries(service.url, 'failed')).some((d) => d.id === first.id)).toBe(false);
      expect(receiver.received.some((e) => e.id === first.id)).toBe(false);

      receiver.failFirst = 0;
      const redeliver = (id: string, headers: Record<string, string> = ADMIN) =>
        fetch(`${service.url}/api/admin/webhooks/deliveries/${encodeURIComponent(id)}/redeliver`, {
          method: 'POST',
          headers,
        });
      expect((await redeliver(first.id, LENDER)).status).toBe(403);
      const unknown = await redeliver('evt-that-never-was');
      expect(unknown.status).toBe(404);
      expect(await unknown.text()).toContain('no failed or dead delivery evt-that-never-was');
      const accepted = await redeliver(first.id);
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toEqual({ id: first.id, redelivering: true });

      await receiver.waitFor((got) => got.some((e) => e.id === first.id));
      const delivered = await until(async () =>
        (await deliveries(service.url, 'delivered')).find((d) => d.id === first.id),
      );
      expect(delivered.status).toBe('delivered');
      expect((await deliveries(service.url, 'dead')).some((d) => d.id === first.id)).toBe(false);
      expect(receiver.received.filter((e) => e.id === first.id)).toHaveLength(1);
      // Delivered: nothing left to redeliver.
      expect((await redeliver(first.id)).status).toBe(404);
    } finally {
      receiver.failFirst = 0;
    }
  });

  it('the process dies between an opt-out commit and its contact-log write – the opt-out is recorded as its event is sent, outreach refuses', async () => {
    const ref = kind === 'redis' ? 'LN-OR-0001' : 'LN-OM-0001';
    const put = await fetch(`${service.url}/api/lender/accounts/${ref}`, {
      method: 'PUT',
      headers: { ...LENDER, 'content-type': 'application/json' },
      body: JSON.stringify(optOutAccount()),
    });
    expect(put.status).toBe(201);
    const borrower = service.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      [ref, '后四位'],
    ]);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    // What the outboxing store commits for "退订", written with the store itself: the step after it never runs.
    const loaded = await service.app.store.load(caseId);
    const at = time.clock().toISOString();
    const append = [
      { at, actor: 'system' as const, channelId: borrower.channelId, kind: 'event' as const, text: 'contact.optedOut' },
    ];
    const commit = { caseId, expectedVersion: loaded.version, record: loaded.record!, append };
    expect(await service.app.store.commit({ ...commit, outbox: eventsOfCommit(commit) })).toMatchObject({ ok: true });
    expect((await service.app.stores.contacts.state(ref)).optedOutAt).toBeUndefined();

    await service.app.stores.outbox.wake(caseId, time.clock().getTime());
    await receiver.waitFor((got) => got.some((e) => e.type === 'contact.opted_out' && e.data.caseId === caseId));
    const outreach = await fetch(`${service.url}/api/lender/outreach`, {
      method: 'POST',
      headers: { ...LENDER, 'content-type': 'application/json' },
      body: JSON.stringify({ accountRefs: [ref] }),
    });
    expect(await outreach.json()).toEqual({ requested: [], skipped: [{ accountRef: ref, reason: 'optedOut' }] });
  });

  it('deliveries without an admin token – 401; with a lender token – 403; a bad status – 400', async () => {
    const list = (headers: Record<string, string>, status = 'failed') =>
      fetch(`${service.url}/api/admin/webhooks/deliveries?status=${status}`, { headers });
    expect((await list({})).status).toBe(401);
    expect((await list(LENDER)).status).toBe(403);
    expect((await list(ADMIN, 'everything')).status).toBe(400);
  });
});
