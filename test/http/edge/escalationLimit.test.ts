// Escalations are rate-limited per client address: a flood of fake requests for a person cannot fill the agent queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../../src/conversation/caseIdentity.js';
import { STORE_KINDS, storeEnv, startService, type RunningService } from '../../helpers/service.js';

describe.each(STORE_KINDS)('escalations per client (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({
      ...storeEnv(kind),
      RATE_LIMIT_EXEMPT: '',
      RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '100/600',
      RATE_LIMIT_ESCALATIONS_PER_CLIENT: '2/3600',
    });
  });
  afterAll(() => service.stop());

  it('RATE_LIMIT_ESCALATIONS_PER_CLIENT=2/3600 – the third "转人工" from one address is 429 with Retry-After and never reaches the queue', async () => {
    const borrowers = [service.borrower(), service.borrower(), service.borrower()];
    const answers = [];
    for (const borrower of borrowers) {
      expect((await borrower.say('你好')).status).toBe(200);
      answers.push(await borrower.say('我要转人工'));
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    expect(Number(answers[2]!.headers.get('retry-after'))).toBeGreaterThan(0);
    const queued = (await service.app.queue.list()).map((entry) => entry.caseId);
    const [first, second, third] = borrowers.map((b) => caseIdFor(b.channelId, b.conversationId));
    expect(queued).toEqual(expect.arrayContaining([first, second]));
    expect(queued).not.toContain(third);
    expect((await service.app.store.load(third!)).record?.status).toBe('active');
    // The refused borrower can still talk to the bot.
    expect((await borrowers[2]!.say('我想看看还款方案')).status).toBe(200);
  });
});
