// Bad requests get a clear 4xx and lose nothing; health and readiness answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse } from '../helpers/conversation.js';

describe.each(STORE_KINDS)('requests to /api/messages on the %s store', (kind) => {
  let service: RunningService;
  let now = new Date('2026-11-23T09:00:00Z');
  beforeAll(async () => {
    service = await startService({ MAX_BODY_BYTES: '131072', ...storeEnv(kind) }, { clock: () => now });
  });
  afterAll(() => service.stop());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('an activity without a conversation – 400 naming the missing field', async () => {
    const borrower = service.borrower();
    const { conversation: _dropped, ...activity } = borrower.activity({ text: '你好' });
    const response = await post(JSON.stringify(activity));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('XS_BAD_REQUEST');
    expect(body.error.message).toContain('conversation');
  });

  it('a serviceUrl that is not a URL – 400 saying what serviceUrl must be', async () => {
    const response = await post(JSON.stringify(service.borrower().activity({ serviceUrl: 'not a url' })));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('serviceUrl');
  });

  it('a body that is not JSON – 400', async () => {
    expect((await post('{"type": "message",')).status).toBe(400);
  });

  it('a body over MAX_BODY_BYTES – 413, and the conversation is unharmed', async () => {
    const borrower = service.borrower();
    await converse(borrower, [['你好', '合同号']]);
    const response = await post(JSON.stringify(borrower.activity({ text: 'x'.repeat(200_000) })));
    expect(response.status).toBe(413);
    await converse(borrower, [['LN-2024-0001', '后四位']]);
  });

  it('an activity type the bot does not handle (typing) – 200 and no reply', async () => {
    const borrower = service.borrower();
    const delivery = await borrower.post(borrower.activity({ type: 'typing' }));
    expect(delivery.status).toBe(200);
    expect(delivery.replies).toHaveLength(0);
  });

  it('conversationUpdate with the borrower joining – the bot opens with its disclosure', async () => {
    const borrower = service.borrower();
    const delivery = await borrower.join();
    expect(delivery.status).toBe(200);
    expect(delivery.replies.map((reply) => reply.text).join('\n')).toContain('自动协商助手');
  });

  it('a borrower back after two hours of silence – welcomed back and asked the same question', async () => {
    const borrower = service.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      ['LN-2024-0001', '后四位'],
    ]);
    now = new Date(now.getTime() + 2 * 3600_000);
    await converse(borrower, [['在吗', ['欢迎回来', '后四位']]]);
  });

  it('GET /healthz and /readyz – 200 with the flow version', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { flowVersion: string }).flowVersion).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('Bot Framework authentication', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({
      MicrosoftAppId: '8a3a2e2c-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
  });
  afterAll(() => service.stop());

  it('an app id is configured and the activity carries no token – 401, the bot does not answer', async () => {
    const borrower = service.borrower();
    const delivery = await borrower.say('你好');
    expect(delivery.status).toBe(401);
    expect(delivery.replies).toHaveLength(0);
  });

  it('an app id is configured and the token is forged – 401', async () => {
    const borrower = service.borrower();
    const response = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.' },
      body: JSON.stringify(borrower.activity({ text: '你好' })),
    });
    expect(response.status).toBe(401);
  });
});
