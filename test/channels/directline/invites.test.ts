// Invitations: made by an admin, open a chat already bound to the case, come back to their conversation, expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { directLineClient, textOf } from './nodeDirectLine.js';
import { DirectLineTokens } from '../../../src/channels/directline/directLineTokens.js';
import { TEST_SECRET, call, generate, startWebChatService } from './webChatService.js';

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

  const DEVICE_A = 'device-key-of-the-first-phone-0001';
  const DEVICE_B = 'device-key-of-a-second-phone-0002';

  /** Answers LN-2024-0001's identity questions and waits for the arrears, an amount. */
  async function verified(invite: unknown) {
    const first = await generate(service.url, { invite, locale: 'zh-CN', deviceKey: DEVICE_A });
    const client = directLineClient(service.url, { token: first.token, webSocket: false });
    try {
      await client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
      await client.say('1234');
      await client.say('1990-05-20');
      await client.waitFor((activity) => /已逾期 45 天/.test(textOf(activity)));
    } finally {
      client.end();
    }
    return first;
  }

  const readAll = async (conversationId: string, token: string) =>
    (await call(service.url, `/v3/directline/conversations/${conversationId}/activities`, { method: 'GET', token }))
      .body.activities as Array<{ text?: string }>;

  it('the same invitation again on the same device – the same conversation, everything said before', async () => {
    const made = await invite({ accountRef: 'LN-2024-0001' });
    const first = await verified(made.body.invite);
    const again = await generate(service.url, { invite: made.body.invite, deviceKey: DEVICE_A });
    expect(again).toMatchObject({ conversationId: first.conversationId, resumed: true });
    const texts = (await readAll(again.conversationId, again.token)).map((a) => a.text ?? '').join('\n');
    expect(texts).toMatch(/已逾期 45 天/);
  });

  it('the same invitation on another device – the same conversation, nothing said before, the identity asked again', async () => {
    const made = await invite({ accountRef: 'LN-2024-0001' });
    const first = await verified(made.body.invite);
    const other = await generate(service.url, { invite: made.body.invite, deviceKey: DEVICE_B });
    expect(other).toMatchObject({ conversationId: first.conversationId, resumed: true });
    const seen = (await readAll(other.conversationId, other.token)).map((a) => a.text ?? '').join('\n');
    expect(seen).toMatch(/新的设备/);
    expect(seen).toMatch(/身份证号码的后四位/);
    expect(seen).not.toMatch(/已逾期|¥|元/);
    // Asking for an earlier watermark changes nothing: the token carries where this device starts.
    const fromZero = await call(
      service.url,
      `/v3/directline/conversations/${other.conversationId}/activities?watermark=0`,
      {
        method: 'GET',
        token: other.token,
      },
    );
    expect(JSON.stringify(fromZero.body)).not.toMatch(/已逾期/);
    const client = directLineClient(service.url, { token: other.token, webSocket: false });
    try {
      await client.say('1234');
      await client.say('1990-05-20');
      await client.waitFor((activity) => /身份核实成功/.test(textOf(activity)));
    } finally {
      client.end();
    }
  });

  it('an expired invitation – 403 saying it has expired', async () => {
    const { invite: expired } = await new DirectLineTokens(TEST_SECRET).invite('LN-2024-0001', -60);
    const answer = await call(service.url, '/v3/directline/tokens/generate', { body: { invite: expired } });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ message: expect.stringContaining('expired') });
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

  it('the page config of a zh-TW page – the creditor in Traditional characters, as registered on the others', async () => {
    const taiwan = await call(service.url, '/api/webchat/config?locale=zh-TW', { method: 'GET' });
    expect(taiwan.body.creditor).toBe('星河消費金融');
    const english = await call(service.url, '/api/webchat/config?locale=en', { method: 'GET' });
    expect(english.body.creditor).toBe('星河消费金融');
  });
});
