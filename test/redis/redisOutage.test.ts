// Redis stopped and restarted under a running service: 503 while it is away, nothing lost, service resumes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BalancedBorrower, JOB_LOSS_AGREED, borrowerMessageCounts } from '../helpers/balancedBorrower.js';
import { privateRedis, redisServerOnPath, type PrivateRedis } from '../helpers/redisAvailability.js';
import { startService, type RunningService } from '../helpers/service.js';

const status = async (url: string) => (await fetch(url)).status;

describe.skipIf(!redisServerOnPath())('a Redis outage during a negotiation', () => {
  let dir: string;
  let redis: PrivateRedis;
  let service: RunningService;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xs-outage-'));
    redis = await privateRedis(dir);
    await redis.start();
    service = await startService({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'xs-outage:' });
  });
  afterAll(async () => {
    await service?.stop();
    await redis?.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('redis-server killed after the identity check and restarted – turns meanwhile 503 with Retry-After, /readyz 503, /healthz 200; the 503 turn redelivered once, the negotiation ends with an agreement', async () => {
    const borrower = new BalancedBorrower([service.url], service.connector);
    await borrower.converse(JOB_LOSS_AGREED.slice(0, 4), () => 0);
    const refused = borrower.message('失业');

    await redis.kill();
    const during = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(refused),
    });
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('1');
    expect((await borrower.deliver(refused, 0)).status).toBe(503);
    expect(await status(`${service.url}/readyz`)).toBe(503);
    expect(await status(`${service.url}/healthz`)).toBe(200);

    await redis.start();
    await vi.waitFor(async () => expect(await status(`${service.url}/readyz`)).toBe(200), {
      timeout: 15_000,
      interval: 100,
    });
    const redelivered = await borrower.deliver(refused, 0);
    expect(redelivered.status).toBe(200);
    expect(redelivered.replies.length).toBeGreaterThan(0);
    expect((await borrower.deliver(refused, 0)).replies).toEqual([]);
    await borrower.converse(JOB_LOSS_AGREED.slice(5), () => 0);

    const transcript = await service.app.store.transcript(borrower.caseId);
    const counts = borrowerMessageCounts(transcript);
    for (const [says] of JOB_LOSS_AGREED.slice(4)) expect(counts.get(says), says).toBe(1);
    expect(transcript.filter((entry) => entry.actor === 'borrower')).toHaveLength(JOB_LOSS_AGREED.length);
    expect((await service.app.store.agreement(borrower.caseId))?.reference).toMatch(/^XS-/);
  });
});
