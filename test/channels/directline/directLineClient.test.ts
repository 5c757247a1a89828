// botframework-directlinejs against the bridge: start, post, receive over WebSocket and polling, resume by watermark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { buttonsOf, directLineClient, textOf, type Client } from './nodeDirectLine.js';
import { call, generate, startWebChatService } from './webChatService.js';

const ASKS_ACCOUNT = /借款合同号/;
const ASKS_ID = /身份证号码的后四位/;

describe.each(STORE_KINDS)('Direct Line with botframework-directlinejs (%s)', (kind) => {
  let service: RunningService;
  const clients: Client[] = [];
  const open = (options: Parameters<typeof directLineClient>[1]) => {
    const client = directLineClient(service.url, options);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    service = await startWebChatService(kind);
  });
  afterAll(async () => {
    clients.forEach((client) => client.end());
    await service.stop();
  });

  it.each([
    ['WebSocket', true],
    ['polling', false],
  ])(
    'over %s – greets, echoes the post with its id and clientActivityID, then the bot answers',
    async (_name, webSocket) => {
      const { token } = await generate(service.url, { locale: 'zh-CN' });
      const client = open({ token, webSocket });
      await client.waitFor((activity) => ASKS_ACCOUNT.test(textOf(activity)));
      const id = await client.say('LN-2024-0001', 'client-1');
      const echo = await client.waitFor(
        (activity) =>
          (activity.channelData as { clientActivityID?: string } | undefined)?.clientActivityID === 'client-1',
      );
      expect(echo).toMatchObject({ id, text: 'LN-2024-0001', from: { role: 'user' }, channelId: 'directline' });
      const asked = await client.waitFor((activity) => ASKS_ID.test(textOf(activity)));
      expect(asked.from.role).toBe('bot');
      expect(client.received.map((activity) => activity.id)).toEqual([
        ...new Set(client.received.map((activity) => activity.id)),
      ]);
    },
  );

  it('renders suggested actions for the hardship question – the activity carries them to the client', async () => {
    const { token } = await generate(service.url, { locale: 'zh-CN' });
    const client = open({ token, webSocket: true });
    for (const answer of ['LN-2024-0001', '1234', '1990-05-20']) await client.say(answer);
    const withButtons = await client.waitFor((activity) => buttonsOf(activity).length > 0);
    expect(buttonsOf(withButtons)).toContain('失业');
  });

  it('resumes with a watermark after a reconnect – only what came after it, nothing twice', async () => {
    const started = await generate(service.url, { locale: 'zh-CN' });
    const first = open({ token: started.token, webSocket: true });
    await first.waitFor((activity) => ASKS_ACCOUNT.test(textOf(activity)));
    const watermark = first.watermark();
    expect(watermark).toBe(String(first.received.length));
    first.end();

    const offline = await call(service.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: { type: 'message', text: 'LN-2024-0001' },
    });
    expect(offline.status).toBe(200);

    const resumed = open({ token: started.token, conversationId: started.conversationId, watermark, webSocket: true });
    await resumed.waitFor((activity) => ASKS_ID.test(textOf(activity)));
    expect(resumed.received.map(textOf)).not.toContainEqual(expect.stringMatching(ASKS_ACCOUNT));
    expect(resumed.received[0]).toMatchObject({ text: 'LN-2024-0001', from: { role: 'user' } });

    const polled = await call(
      service.url,
      `/v3/directline/conversations/${started.conversationId}/activities?watermark=${watermark}`,
      { method: 'GET', token: started.token },
    );
    expect((polled.body.activities as unknown[]).length).toBeGreaterThanOrEqual(2);
    expect(Number(polled.body.watermark)).toBe(Number(watermark) + (polled.body.activities as unknown[]).length);
  });

  it('reconnect answers a fresh streamUrl carrying the watermark', async () => {
    const started = await generate(service.url);
    await call(service.url, '/v3/directline/conversations', { token: started.token, body: {} });
    const reconnect = await call(service.url, `/v3/directline/conversations/${started.conversationId}?watermark=2`, {
      method: 'GET',
      token: started.token,
    });
    expect(reconnect.status).toBe(200);
    expect(reconnect.body).toMatchObject({ conversationId: started.conversationId, expires_in: 1800 });
    expect(reconnect.body.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${started.conversationId}/stream\\?watermark=2&t=`,
      ),
    );
  });
});
