// Replies go straight to the connector: the right path, the credentials' token, a clear error on failure.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leanConnector } from '../../src/bot/leanConnector.js';

interface Received {
  url: string;
  authorization: string | undefined;
  body: unknown;
}

describe('lean connector', () => {
  const received: Received[] = [];
  let status = 200;
  let url = '';
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      url: req.url ?? '',
      authorization: req.headers.authorization,
      body: JSON.parse(Buffer.concat(chunks).toString()),
    });
    res.statusCode = status;
    res.end(JSON.stringify({ id: `r-${received.length}` }));
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/connector`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sdkClient = (credentials: object) => ({
    credentials,
    conversations: { getConversationMembers: () => 'still the SDK' },
  });

  it('a reply with app credentials – POSTed to /v3/conversations/:id/activities/:replyTo with the bearer token, answer id returned', async () => {
    const client = leanConnector(sdkClient({ appId: 'app-1', getToken: async () => 'token-1' }), url);
    const conversations = client.conversations as unknown as {
      replyToActivity(c: string, a: string, x: unknown): Promise<{ id: string }>;
      getConversationMembers(): string;
    };
    const answer = await conversations.replyToActivity('conv/1', 'act 9', { type: 'message', text: '您好' });
    expect(answer).toEqual({ id: `r-${received.length}` });
    expect(received.at(-1)).toEqual({
      url: '/connector/v3/conversations/conv%2F1/activities/act%209',
      authorization: 'Bearer token-1',
      body: { type: 'message', text: '您好' },
    });
    expect(conversations.getConversationMembers()).toBe('still the SDK');
  });

  it('anonymous credentials (auth off) sending to a conversation – no Authorization header', async () => {
    const client = leanConnector(sdkClient({ appId: '' }), url);
    await (
      client.conversations as unknown as { sendToConversation(c: string, x: unknown): Promise<unknown> }
    ).sendToConversation('conv-2', { type: 'event', name: 'handoff.status' });
    expect(received.at(-1)).toMatchObject({
      url: '/connector/v3/conversations/conv-2/activities',
      authorization: undefined,
    });
  });

  it('the connector answers 502 – the send fails with the status, so the turn error handler sees it', async () => {
    status = 502;
    const client = leanConnector(sdkClient({}), url);
    await expect(
      (
        client.conversations as unknown as { sendToConversation(c: string, x: unknown): Promise<unknown> }
      ).sendToConversation('c', {}),
    ).rejects.toMatchObject({ statusCode: 502 });
    status = 200;
  });
});
