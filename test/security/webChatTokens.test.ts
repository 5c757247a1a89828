// Web chat tokens: a token without `exp`, or older than its maximum age, is refused; the development secret differs per start.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirectLineTokens } from '../../src/channels/directline/directLineTokens.js';
import { call, generate, startWebChatService, TEST_SECRET, userOf } from '../channels/directline/webChatService.js';
import type { RunningService } from '../helpers/service.js';

const key = new TextEncoder().encode(TEST_SECRET);

describe('web chat tokens', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService('memory');
  });
  afterAll(() => service.stop());

  it('a conversation token signed with the secret but without exp – 401', async () => {
    const started = await generate(service.url);
    const token = await new SignJWT({
      scope: 'conversation',
      conv: started.conversationId,
      user: userOf(started.token),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('xieshang')
      .setIssuedAt()
      .sign(key);
    const answer = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token,
      method: 'GET',
    });
    expect(answer.status).toBe(401);
  });

  it('a conversation token issued two hours ago with an exp a year away – 403 (older than its maximum age)', async () => {
    const started = await generate(service.url);
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      scope: 'conversation',
      conv: started.conversationId,
      user: userOf(started.token),
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('xieshang')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now + 365 * 86400)
      .sign(key);
    const answer = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token,
      method: 'GET',
    });
    expect(answer.status).toBe(403);
  });

  it('no DIRECTLINE_SECRET outside production – two starts sign with different secrets (no constant in the source)', async () => {
    const first = DirectLineTokens.fromConfig({ NODE_ENV: 'development' }, () => undefined);
    const second = DirectLineTokens.fromConfig({ NODE_ENV: 'development' }, () => undefined);
    const token = (await first.conversationToken('c', 'u')).token;
    await expect(first.verifyConversation(token)).resolves.toMatchObject({ conv: 'c' });
    await expect(second.verifyConversation(token)).rejects.toMatchObject({ status: 401 });
  });
});
