// A commit that Redis applied but whose answer never reached the service: 503, then the retry is a duplicate.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BalancedBorrower, JOB_LOSS_AGREED, borrowerMessageCounts } from '../helpers/balancedBorrower.js';
import { replyDroppingProxy, type ReplyDroppingProxy } from '../helpers/replyDroppingProxy.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

describe.skipIf(!STORE_KINDS.includes('redis'))('the reply to a commit lost on the network', () => {
  let proxy: ReplyDroppingProxy;
  let service: RunningService;
  beforeAll(async () => {
    const redis = new URL(storeEnv('redis').REDIS_URL!);
    proxy = await replyDroppingProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    service = await startService({ ...storeEnv('redis'), REDIS_URL: proxy.url });
  });
  afterAll(async () => {
    await service.stop();
    await proxy.close();
  });

  it('"失业" committed but the reply dropped – 503; redelivered – 200 with no replies, one turn; the next turn follows on', async () => {
    const borrower = new BalancedBorrower([service.url], service.connector);
    await borrower.converse(JOB_LOSS_AGREED.slice(0, 4), () => 0);
    const activity = borrower.message('失业');

    const dropped = proxy.dropReplyTo(`{${borrower.caseId}}:tx`);
    const lost = await borrower.deliver(activity, 0);
    await dropped;
    expect(lost.status).toBe(503);
    expect(lost.replies).toEqual([]);

    await vi.waitFor(async () => expect((await fetch(`${service.url}/readyz`)).status).toBe(200), {
      timeout: 10_000,
      interval: 100,
    });
    const retried = await borrower.deliver(activity, 0);
    expect(retried.status).toBe(200);
    expect(retried.replies).toEqual([]);
    await borrower.converse(JOB_LOSS_AGREED.slice(5, 7), () => 0);

    const counts = borrowerMessageCounts(await service.app.store.transcript(borrower.caseId));
    expect([counts.get('失业'), counts.get('暂时的'), counts.get('3')]).toEqual([1, 1, 1]);
    await service.app.store.erase(borrower.caseId);
  });

  it('"人工" (escalates) committed but the reply dropped – 503; redelivered – 200 and the case is in the agent queue', async () => {
    const borrower = new BalancedBorrower([service.url], service.connector);
    await borrower.converse(JOB_LOSS_AGREED.slice(0, 4), () => 0);
    const activity = borrower.message('人工');

    const dropped = proxy.dropReplyTo(`{${borrower.caseId}}:tx`);
    const lost = await borrower.deliver(activity, 0);
    await dropped;
    expect(lost.status).toBe(503);

    await vi.waitFor(async () => expect((await fetch(`${service.url}/readyz`)).status).toBe(200), {
      timeout: 10_000,
      interval: 100,
    });
    expect((await borrower.deliver(activity, 0)).status).toBe(200);
    expect((await service.app.store.load(borrower.caseId)).record?.status).toBe('escalated');
    expect(await service.app.queue.list()).toContainEqual(
      expect.objectContaining({ caseId: borrower.caseId, reason: 'humanRequested' }),
    );
    await service.app.queue.remove(borrower.caseId);
    await service.app.store.erase(borrower.caseId);
  });
});
