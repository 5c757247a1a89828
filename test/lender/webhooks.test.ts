// Lender events out: signed Standard Webhooks, retried after failures, once each across two instances, on every store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';

const ADMIN = { authorization: 'Bearer dev-admin-token' };

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
      const failed = async () =>
        (
          (await (
            await fetch(`${service.url}/api/admin/webhooks/deliveries?status=failed`, { headers: ADMIN })
          ).json()) as {
            deliveries: Array<{ caseId: string; attempts: number; nextAttemptAt: string }>;
          }
        ).deliveries.find((d) => d.caseId === caseId);
      while (!(await failed())) await new Promise((resolve) => setTimeout(resolve, 50));
      const first = await failed();
      expect(first?.attempts).toBe(1);
      time.advance(5_000);
      while ((await failed())?.attempts !== 2) await new Promise((resolve) => setTimeout(resolve, 50));
      time.advance(30_000);
      await receiver.waitFor((got) => got.some((e) => e.type === 'case.escalated' && e.data.caseId === caseId));
      const event = receiver.received.find((e) => e.type === 'case.escalated' && e.data.caseId === caseId)!;
      expect(event.data).toMatchObject({ reason: 'humanRequested', priority: 'normal' });
      expect(receiver.attemptsOf(event.id)).toBe(3);
      const delivered = (await (
        await fetch(`${service.url}/api/admin/webhooks/deliveries?status=delivered`, { headers: ADMIN })
      ).json()) as { deliveries: Array<{ id: string; status: string; attempts: number }> };
      expect(delivered.deliveries.filter((d) => d.id === event.id)).toEqual([
        expect.objectContaining({ status: 'delivered', attempts: 3 }),
      ]);
      time.advance(3_600_000);
      await service.app.dispatcher!.pass();
      expect(receiver.attemptsOf(event.id)).toBe(3);
    } finally {
      receiver.failFirst = 0;
    }
  });

  it('deliveries without an admin token – 401; with a lender token – 403; a bad status – 400', async () => {
    const list = (headers: Record<string, string>, status = 'failed') =>
      fetch(`${service.url}/api/admin/webhooks/deliveries?status=${status}`, { headers });
    expect((await list({})).status).toBe(401);
    expect((await list({ authorization: 'Bearer dev-lender-token' })).status).toBe(403);
    expect((await list(ADMIN, 'everything')).status).toBe(400);
  });
});
