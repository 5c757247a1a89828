// The identity check cannot be brute-forced: failures count per account across conversations, unknown references answer alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { textOf, type BorrowerChannel } from '../helpers/borrowerChannel.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

/** What the bot said to a message, with the parts that differ per conversation removed. */
const said = async (borrower: BorrowerChannel, text: string) =>
  (await borrower.say(text)).replies
    .map(textOf)
    .join('\n')
    .replace(/number \d+ in the queue; a person should join in about \d+ minutes/, 'number N in the queue');

/** A new conversation, greeted, then the reference: the bot asks the identity questions. */
async function claim(
  service: RunningService,
  reference: string,
  options: { userId?: string } = {},
): Promise<BorrowerChannel> {
  const borrower = service.borrower({ locale: 'en', ...options });
  await said(borrower, 'hello');
  expect(await said(borrower, reference)).toContain('last four characters of your ID');
  return borrower;
}

describe.each(STORE_KINDS)('identity lock on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ ...storeEnv(kind), IDENTITY_ATTEMPTS_PER_MINUTE: '1000' });
  });
  afterAll(() => service.stop());

  it('a registered and an unregistered reference – the same questions and the same refusal, word for word', async () => {
    const transcripts = [];
    for (const reference of ['LN-2023-0415', 'LN-2099-7777']) {
      const borrower = service.borrower({ locale: 'en' });
      const lines = [await said(borrower, 'hello'), await said(borrower, reference)];
      for (let attempt = 0; attempt < 3; attempt++)
        lines.push(await said(borrower, '0000'), await said(borrower, '1970-01-01'));
      transcripts.push(lines);
    }
    expect(transcripts[0]).toEqual(transcripts[1]);
    expect(transcripts[0]![1]).toContain('last four characters of your ID');
    expect(transcripts[0]!.at(-1)).toContain('could not verify your identity');
  });

  it('wrong answers from new conversations – the 5th failure locks the account: correct answers then go to a person, queued identityLocked, no debt shown', async () => {
    const replies = [];
    for (let conversation = 0; conversation < 5; conversation++) {
      const attacker = await claim(service, 'LN-2024-0001');
      await said(attacker, `${1000 + conversation}`);
      replies.push(await said(attacker, '1990-05-20'));
    }
    expect(replies.slice(0, 4).every((reply) => reply.includes('does not match'))).toBe(true);
    expect(replies[4]).toContain('self-service is paused');

    const borrower = await claim(service, 'LN-2024-0001');
    const reply = await said(borrower, '1234');
    expect(reply).toContain('self-service is paused');
    expect(reply).not.toMatch(/verified|overdue|\$|¥/);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect(await service.app.queue.list()).toContainEqual(
      expect.objectContaining({ caseId, reason: 'identityLocked' }),
    );
    // Another account is not affected.
    const other = await claim(service, 'CC-88120034');
    await said(other, '567X');
    expect(await said(other, '1982-11-03')).toContain('you are verified');
  });

  it('an unregistered reference is locked after 5 failures too – the lock says nothing about whether the account exists', async () => {
    for (let conversation = 0; conversation < 5; conversation++) {
      const attacker = await claim(service, '13912345678');
      await said(attacker, '0000');
      await said(attacker, '1970-01-01');
    }
    const attacker = await claim(service, '13912345678');
    expect(await said(attacker, '0000')).toContain('self-service is paused');
  });
});

describe('identity answers per channel user', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ IDENTITY_ATTEMPTS_PER_MINUTE: '4' });
  });
  afterAll(() => service.stop());

  it('a fifth answer within a minute from one channel user, in a new conversation – 429 with Retry-After', async () => {
    const userId = 'attacker-1';
    const first = await claim(service, 'LN-2022-0900', { userId });
    for (const answer of ['0000', '1970-01-01', '0001']) expect((await first.say(answer)).status).toBe(200);
    const second = await claim(service, 'LN-2022-0900', { userId });
    expect((await second.say('0002')).status).toBe(200);
    const refused = await second.say('1970-01-02');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(refused.body)).toContain('too many identity answers from this user');
  });
});

describe('identity answers per client address', () => {
  let service: RunningService;
  beforeAll(async () => {
    // Loopback is not exempt here (a documentation range is), so the test's own address is counted.
    service = await startService({ IDENTITY_ATTEMPTS_PER_MINUTE: '4', RATE_LIMIT_EXEMPT: '203.0.113.0/24' });
  });
  afterAll(() => service.stop());

  it('a fifth answer within a minute from one address, each from another channel user in their own conversation – 429 naming the address', async () => {
    for (const n of [1, 2, 3, 4]) {
      const borrower = await claim(service, 'LN-2022-0900', { userId: `spread-${n}` });
      expect((await borrower.say('0000')).status).toBe(200);
    }
    const fifth = await claim(service, 'LN-2022-0900', { userId: 'spread-5' });
    const refused = await fifth.say('0000');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(refused.body)).toContain('too many identity answers from this address');
  });
});
