// The channels' edge: web chat works behind Bot Framework auth (in-process), replies only to allowed serviceUrls, ids are valid Unicode, bounded web chat activities.
import { afterEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { MemoryDirectLineStore } from '../../src/store/memory/memoryDirectLineStore.js';
import { call, generate, startWebChatService } from '../channels/directline/webChatService.js';
import { STORE_KINDS, type RunningService } from '../helpers/service.js';

let service: RunningService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

async function logOf(
  url: string,
  conversationId: string,
  token: string,
  until: (texts: string[]) => boolean,
): Promise<string[]> {
  let texts: string[] = [];
  for (let poll = 0; poll < 200 && !until(texts); poll++) {
    const answer = await call(url, `/v3/directline/conversations/${conversationId}/activities`, {
      token,
      method: 'GET',
    });
    texts = (answer.body.activities as Array<{ text?: string; from: { role?: string } }>)
      .filter((activity) => activity.from.role === 'bot')
      .map((activity) => activity.text ?? '');
    if (!until(texts)) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return texts;
}

describe.each(STORE_KINDS)('channels (%s)', (kind) => {
  it('Bot Framework app credentials set – /api/messages refuses an unsigned activity (401), and web chat still greets and answers (in-process)', async () => {
    service = await startWebChatService(kind, {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-used-in-process',
    });
    expect((await service.borrower().join()).status).toBe(401);
    const started = await generate(service.url, { locale: 'zh-CN' });
    expect((await call(service.url, '/v3/directline/conversations', { token: started.token })).status).toBe(201);
    expect(
      await logOf(service.url, started.conversationId, started.token, (texts) => texts.length > 0),
    ).not.toHaveLength(0);
    const posted = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: { type: 'message', text: 'LN-2024-0001' },
    });
    expect(posted.status).toBe(200);
    expect(
      (
        await logOf(service.url, started.conversationId, started.token, (texts) =>
          texts.some((text) => /身份证/.test(text)),
        )
      ).join('\n'),
    ).toMatch(/身份证/);
  });

  it('a web chat activity larger than DIRECTLINE_MAX_ACTIVITY_BYTES – 413, and nothing reaches the conversation', async () => {
    service = await startWebChatService(kind, { DIRECTLINE_MAX_ACTIVITY_BYTES: '2048' });
    const started = await generate(service.url);
    const answer = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: { type: 'message', text: 'hi', value: { padding: 'x'.repeat(4000) } },
    });
    expect(answer.status).toBe(413);
    const log = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      method: 'GET',
    });
    expect(log.body.activities).toHaveLength(0);
  });
});

describe('/api/messages input', () => {
  it('a serviceUrl outside the allow-list (not Bot Framework, not loopback in development, not ALLOWED_SERVICE_URLS) – 400 before any turn', async () => {
    service = await startWebChatService('memory');
    const borrower = service.borrower();
    const answer = await borrower.post(
      borrower.activity({
        type: 'conversationUpdate',
        membersAdded: [{ id: borrower.userId }],
        serviceUrl: 'http://169.254.169.254/latest/',
      }),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('ALLOWED_SERVICE_URLS');
  });

  it('a lone UTF-16 surrogate in conversation.id – 400 naming the field (the replies could never be addressed)', async () => {
    service = await startWebChatService('memory');
    const borrower = service.borrower({ conversationId: 'conv-\ud800-lone' });
    const answer = await borrower.join();
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('conversation.id');
  });
});

describe('stored conversation reference', () => {
  it.each(STORE_KINDS)(
    'extra fields in conversation, from and recipient (%s) – only the known ones are kept with the case',
    async (kind) => {
      service = await startWebChatService(kind);
      const borrower = service.borrower();
      const padding = 'x'.repeat(50_000);
      const answer = await borrower.post(
        borrower.activity({
          type: 'conversationUpdate',
          membersAdded: [{ id: borrower.userId }],
          conversation: { id: borrower.conversationId, padding },
          from: { id: borrower.userId, role: 'user', padding },
        }),
      );
      expect(answer.status).toBe(200);
      const loaded = await service.app.store.load(caseIdFor(borrower.channelId, borrower.conversationId));
      expect(loaded.record?.conversationRef).toEqual({
        channelId: borrower.channelId,
        serviceUrl: service.connector.url,
        conversation: { id: borrower.conversationId },
        user: { id: borrower.userId, role: 'user' },
        bot: { id: 'xieshang-bot', name: 'xieshang', role: 'bot' },
        locale: 'zh-CN',
      });
    },
  );
});

describe('pages and APIs', () => {
  it.each(['/', '/agent', '/flows', '/api/agent/queue', '/healthz'])(
    '%s – CSP with frame-ancestors none, X-Frame-Options DENY, Referrer-Policy, nosniff',
    async (path) => {
      service = await startWebChatService('memory');
      const response = await fetch(`${service.url}${path}`);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    },
  );

  it('admin and agent APIs – no Access-Control-Allow-Origin for another site, whatever Origin it sends', async () => {
    service = await startWebChatService('memory');
    const origin = { origin: 'https://evil.example' };
    const invite = await fetch(`${service.url}/api/admin/invites`, {
      method: 'POST',
      headers: { ...origin, authorization: 'Bearer dev-admin-token', 'content-type': 'application/json' },
      body: JSON.stringify({ accountRef: 'LN-2024-0001' }),
    });
    const queue = await fetch(`${service.url}/api/agent/queue`, {
      headers: { ...origin, authorization: 'Bearer dev-agent-token' },
    });
    expect(invite.status).toBe(201);
    expect(queue.status).toBe(200);
    expect(invite.headers.get('access-control-allow-origin')).toBeNull();
    expect(queue.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('idle web chat conversations (memory; Redis expires its keys with the same number)', () => {
  it('DIRECTLINE_IDLE_HOURS – a conversation idle longer is forgotten, a recent one kept', async () => {
    let now = 0;
    const store = new MemoryDirectLineStore(3_600_000, () => now);
    await store.saveConversation({ conversationId: 'old', userId: 'dl_a', createdAt: '' });
    now = 1_800_000;
    await store.saveConversation({ conversationId: 'recent', userId: 'dl_b', createdAt: '' });
    now = 3_600_001;
    expect(await store.conversation('old')).toBeUndefined();
    expect(await store.conversation('recent')).toBeDefined();
  });
});
