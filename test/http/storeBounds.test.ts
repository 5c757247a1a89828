// What a caller can make the service store is bounded: activity values by size, cases by time in every state.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { MAX_STORED_VALUE_BYTES } from '../../src/conversation/transcriptEntries.js';
import { probeRedis } from '../helpers/redisAvailability.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

describe.each(STORE_KINDS)('store bounds on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  it('20 messages each carrying a 100 KB value – the transcript keeps their size, not the values (under 100 KB in all)', async () => {
    const borrower = service.borrower();
    const junk = { blob: 'x'.repeat(100_000) };
    for (let i = 0; i < 20; i++) expect((await borrower.say('你好', { value: junk })).status).toBe(200);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const transcript = await service.app.store.transcript(caseId);
    expect(transcript.filter((entry) => entry.actor === 'borrower')).toHaveLength(20);
    expect(transcript.find((entry) => entry.actor === 'borrower')?.data).toEqual({
      valueOmitted: true,
      valueBytes: Buffer.byteLength(JSON.stringify(junk)),
    });
    expect(JSON.stringify(transcript).length).toBeLessThan(100_000);
  });

  it(`a button value under ${MAX_STORED_VALUE_BYTES} bytes – kept in the transcript`, async () => {
    const borrower = service.borrower();
    await borrower.say('', { value: { choice: 'jobLoss' } });
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const transcript = await service.app.store.transcript(caseId);
    expect(transcript[0]?.data).toEqual({ value: { choice: 'jobLoss' } });
  });
});

const redis = await probeRedis();

describe.skipIf(!redis.available)('retention by state on Redis (numbers from dialogs/offer-policy.yaml)', () => {
  const prefix = `xs-test-retention-${process.pid}:`;
  let service: RunningService;
  let admin: Redis;
  beforeAll(async () => {
    service = await startService(storeEnv('redis', prefix));
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    await service.stop();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it('an active case expires activeIdleDays after its last message; once escalated, escalatedIdleDays', async () => {
    const { activeIdleDays, escalatedIdleDays } = service.app.dialogs.current().policy.retention;
    const borrower = service.borrower();
    await borrower.say('你好');
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const ttl = () => Promise.all(['case', 'tx'].map((part) => admin.ttl(`${prefix}{${caseId}}:${part}`)));
    for (const seconds of await ttl()) {
      expect(seconds).toBeGreaterThan(activeIdleDays * 86_400 - 60);
      expect(seconds).toBeLessThanOrEqual(activeIdleDays * 86_400);
    }
    await borrower.say('人工');
    for (const seconds of await ttl()) {
      expect(seconds).toBeGreaterThan(escalatedIdleDays * 86_400 - 60);
      expect(seconds).toBeLessThanOrEqual(escalatedIdleDays * 86_400);
    }
  });
});
