// With Redis, a Direct Line conversation spans instances and survives a restart: the log and the record are in Redis.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../../helpers/service.js';
import { directLineClient, textOf, type Client } from './nodeDirectLine.js';
import { TEST_SECRET, call, generate } from './webChatService.js';

describe.skipIf(!STORE_KINDS.includes('redis'))('Direct Line across instances (redis)', () => {
  const env = { ...storeEnv('redis', `xs-test-dl-${randomUUID().slice(0, 8)}:`), DIRECTLINE_SECRET: TEST_SECRET };
  const running: RunningService[] = [];
  const clients: Client[] = [];
  const instance = async () => {
    const service = await startService(env);
    running.push(service);
    return service;
  };
  afterAll(async () => {
    clients.forEach((client) => client.end());
    await Promise.all(running.map((service) => service.stop()));
  });

  it('streams from instance A what was posted on instance B – the bot replies reach A by pub/sub', async () => {
    const [a, b] = [await instance(), await instance()];
    const started = await generate(a.url, { locale: 'zh-CN' });
    const client = directLineClient(a.url, { token: started.token, webSocket: true });
    clients.push(client);
    await client.waitFor((activity) => /借款合同号/.test(textOf(activity)));
    const posted = await call(b.url, `/v3/directline/conversations/${started.conversationId}/activities`, {
      token: started.token,
      body: { type: 'message', text: 'LN-2024-0001' },
    });
    expect(posted.status).toBe(200);
    await client.waitFor((activity) => activity.id === posted.body.id);
    await client.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
  });

  it('resumes on a new instance after a restart – same token, history from the watermark', async () => {
    const first = await instance();
    const started = await generate(first.url, { locale: 'zh-CN' });
    const before = directLineClient(first.url, { token: started.token, webSocket: true });
    await before.waitFor((activity) => /借款合同号/.test(textOf(activity)));
    await before.say('LN-2024-0001');
    await before.waitFor((activity) => /身份证号码的后四位/.test(textOf(activity)));
    const watermark = before.watermark();
    before.end();
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await instance();
    const after = directLineClient(second.url, {
      token: started.token,
      conversationId: started.conversationId,
      watermark,
      webSocket: true,
    });
    clients.push(after);
    await after.say('1234');
    await after.waitFor((activity) => /出生日期/.test(textOf(activity)));
    expect(after.received[0]).toMatchObject({ text: '1234', from: { role: 'user' } });
  });
});
