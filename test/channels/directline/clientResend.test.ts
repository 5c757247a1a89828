// A client's resend (same clientActivityID, same conversation) is the same activity: logged once, one bot turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type RunningService } from '../../helpers/service.js';
import { call, generate, startWebChatService } from './webChatService.js';

interface LoggedActivity {
  id: string;
  text?: string;
  from: { role?: string };
  channelData?: { clientActivityID?: string };
}

describe.each(STORE_KINDS)('Direct Line resends by clientActivityID (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startWebChatService(kind);
  });
  afterAll(() => service.stop());

  async function started(): Promise<{ conversationId: string; token: string }> {
    const { conversationId, token } = await generate(service.url, { locale: 'zh-CN' });
    expect((await call(service.url, '/v3/directline/conversations', { token })).status).toBe(201);
    return { conversationId, token };
  }

  const send = (conversation: { conversationId: string; token: string }, text: string, clientActivityID: string) =>
    call(service.url, `/v3/directline/conversations/${conversation.conversationId}/activities`, {
      token: conversation.token,
      body: { type: 'message', text, from: { id: 'ignored' }, channelData: { clientActivityID } },
    });

  async function log(conversation: { conversationId: string; token: string }): Promise<LoggedActivity[]> {
    const answer = await call(service.url, `/v3/directline/conversations/${conversation.conversationId}/activities`, {
      method: 'GET',
      token: conversation.token,
    });
    return answer.body.activities as LoggedActivity[];
  }

  /** The log once the bot has answered `pattern` at least `times` times. */
  async function logOnceAnswered(conversation: { conversationId: string; token: string }, pattern: RegExp) {
    await expect
      .poll(async () => (await log(conversation)).filter((a) => pattern.test(a.text ?? '')).length)
      .toBeGreaterThan(0);
    return log(conversation);
  }

  it('LN-2024-0001 sent, then resent with the same clientActivityID – the same id, in the log once, asked once', async () => {
    const conversation = await started();
    const first = await send(conversation, 'LN-2024-0001', 'webchat-offline-1');
    const again = await send(conversation, 'LN-2024-0001', 'webchat-offline-1');
    expect(first.status).toBe(200);
    expect(again).toEqual(first);
    const activities = await logOnceAnswered(conversation, /身份证号码的后四位/);
    expect(activities.filter((a) => a.channelData?.clientActivityID === 'webchat-offline-1')).toHaveLength(1);
    expect(activities.filter((a) => /身份证号码的后四位/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('two resends racing each other – one activity, one answer', async () => {
    const conversation = await started();
    const answers = await Promise.all([
      send(conversation, 'LN-2024-0001', 'webchat-race'),
      send(conversation, 'LN-2024-0001', 'webchat-race'),
    ]);
    expect(answers[0]!.body.id).toBe(answers[1]!.body.id);
    const activities = await logOnceAnswered(conversation, /身份证号码的后四位/);
    expect(activities.filter((a) => a.from.role === 'user')).toHaveLength(1);
    expect(activities.filter((a) => /身份证号码的后四位/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('the same clientActivityID in another conversation – a different activity there', async () => {
    const one = await started();
    const other = await started();
    const a = await send(one, 'LN-2024-0001', 'webchat-shared-id');
    const b = await send(other, 'LN-2024-0001', 'webchat-shared-id');
    expect(a.body.id).not.toBe(b.body.id);
    expect((await logOnceAnswered(other, /身份证号码的后四位/)).filter((x) => x.from.role === 'user')).toHaveLength(1);
  });

  it('two messages with different clientActivityIDs – both logged and both answered', async () => {
    const conversation = await started();
    await send(conversation, 'LN-2024-0001', 'webchat-a');
    await send(conversation, '1234', 'webchat-b');
    const activities = await logOnceAnswered(conversation, /出生日期/);
    expect(activities.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual(['LN-2024-0001', '1234']);
  });
});
