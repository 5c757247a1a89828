// Direct Line tokens: refresh, expiry, one conversation's token refused on another (REST and stream), CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { call, expiredToken, generate, startWebChatService, userOf } from './webChatService.js';

const message = { type: 'message', text: '你好' };

describe.each(STORE_KINDS)('Direct Line tokens (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService(kind);
  });
  afterAll(() => service.stop());

  it('refreshes a token – the new one works and is for the same conversation', async () => {
    const started = await generate(service.url);
    const refreshed = await call(service.url, '/v3/directline/tokens/refresh', { token: started.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ conversationId: started.conversationId, expires_in: 1800 });
    expect(userOf(refreshed.body.token as string)).toBe(userOf(started.token));
    const posted = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: refreshed.body.token as string,
      body: message,
    });
    expect(posted.status).toBe(200);
  });

  it('an expired token – 403 on post, poll and refresh', async () => {
    const started = await generate(service.url);
    const expired = await expiredToken(started.conversationId, userOf(started.token));
    const base = `/v3/directline/conversations/${started.conversationId}`;
    expect((await call(service.url, `${base}/activities`, { token: expired, body: message })).status).toBe(403);
    expect((await call(service.url, `${base}/activities?watermark=0`, { method: 'GET', token: expired })).status).toBe(
      403,
    );
    const refresh = await call(service.url, '/v3/directline/tokens/refresh', { token: expired });
    expect(refresh.status).toBe(403);
    expect(refresh.body.error).toMatchObject({ code: 'XS_FORBIDDEN', message: expect.stringContaining('expired') });
  });

  it("conversation A's token on conversation B – 403 for post, poll and reconnect", async () => {
    const a = await generate(service.url);
    const b = await generate(service.url);
    const base = `/v3/directline/conversations/${b.conversationId}`;
    expect((await call(service.url, `${base}/activities`, { token: a.token, body: message })).status).toBe(403);
    expect((await call(service.url, `${base}/activities`, { method: 'GET', token: a.token })).status).toBe(403);
    expect((await call(service.url, base, { method: 'GET', token: a.token })).status).toBe(403);
  });

  it("conversation A's stream token on conversation B's stream – the upgrade is refused", async () => {
    const a = await generate(service.url);
    const b = await generate(service.url);
    const started = await call(service.url, '/v3/directline/conversations', { token: a.token, body: {} });
    const streamOfB = (started.body.streamUrl as string).replace(a.conversationId, b.conversationId);
    const outcome = await new Promise<string>((resolve) => {
      const socket = new WebSocket(streamOfB);
      socket.on('open', () => resolve('open'));
      socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
      socket.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('403');
  });

  it('no token, a forged token, an invitation used as a token – 401', async () => {
    const started = await generate(service.url);
    const path = `/v3/directline/conversations/${started.conversationId}/activities`;
    expect((await call(service.url, path, { body: message })).status).toBe(401);
    const forged = `${started.token.slice(0, -4)}AAAA`;
    expect((await call(service.url, path, { token: forged, body: message })).status).toBe(401);
    const invite = await call(service.url, '/api/admin/invites', {
      token: 'dev-admin-token',
      body: { accountRef: 'LN-2024-0001' },
    });
    expect((await call(service.url, path, { token: invite.body.invite as string, body: message })).status).toBe(401);
  });

  it('an activity that is not one – 400 naming the field', async () => {
    const started = await generate(service.url);
    const answer = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: { text: 'no type' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ message: expect.stringContaining('type') });
  });

  it('CORS preflight – allows Authorization, Content-Type and x-ms-bot-agent from any origin with `*`, never echoing the Origin', async () => {
    const response = await fetch(`${service.url}/v3/directline/conversations/x/activities`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://bank.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-ms-bot-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-ms-bot-agent');
  });
});
