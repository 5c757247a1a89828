// Invitations: made by an admin, open a chat already bound to the case, usable for one conversation, expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { directLineClient, textOf } from './nodeDirectLine.js';
import { call, generate, startWebChatService } from './webChatService.js';

describe.each(STORE_KINDS)('web chat invitations (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService(kind, { PUBLIC_URL: 'https://chat.example.com' });
  });
  afterAll(() => service.stop());

  const invite = (body: Record<string, unknown>, token = 'dev-admin-token') =>
    call(service.url, '/api/admin/invites', { token, body });

  it('an admin invites LN-2024-0001 – a link on PUBLIC_URL; the chat skips the account question', async () => {
    const made = await invite({ accountRef: 'ln-2024-0001' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      accountRef: 'LN-2024-0001',
      url: expect.stringMatching(/^https:\/\/chat\.example\.com\/\?invite=/),
    });
    const { token } = await generate(service.url, { invite: made.body.invite, locale: 'zh-CN' });
    // Polling: the streamUrl points at PUBLIC_URL, which is not this test server.
    const client = directLineClient(service.url, { token, webSocket: false });
    try {
      await client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      expect(client.received.map(textOf).join('\n')).not.toMatch(/借款合同号/);
    } finally {
      client.end();
    }
  });

  it('the same invitation a second time – 409 with a clear message', async () => {
    const made = await invite({ accountRef: 'CC-88120034' });
    await generate(service.url, { invite: made.body.invite });
    const again = await call(service.url, '/v3/directline/tokens/generate', { body: { invite: made.body.invite } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ message: expect.stringContaining('already been used') });
  });

  it('without the admin role – 401 without a token, 403 for an agent', async () => {
    expect((await call(service.url, '/api/admin/invites', { body: { accountRef: 'LN-2024-0001' } })).status).toBe(401);
    expect((await invite({ accountRef: 'LN-2024-0001' }, 'dev-agent-token')).status).toBe(403);
  });

  it('an unknown account – 404; a tampered invitation – 400', async () => {
    expect((await invite({ accountRef: 'LN-0000-0000' })).status).toBe(404);
    const made = await invite({ accountRef: 'LN-2024-0001' });
    const tampered = await call(service.url, '/v3/directline/tokens/generate', {
      body: { invite: `${made.body.invite as string}x` },
    });
    expect(tampered.status).toBe(400);
  });

  it('the page config outside production – the creditor and the demo cases, each with an invitation', async () => {
    const config = await call(service.url, '/api/webchat/config', { method: 'GET' });
    expect(config.body.creditor).toBe('星河消费金融');
    expect(config.body.demo).toContainEqual(
      expect.objectContaining({
        accountRef: 'LN-2025-0042',
        persona: 'familyEmergencyM2En',
        locale: 'en',
        invite: expect.any(String),
      }),
    );
  });
});
