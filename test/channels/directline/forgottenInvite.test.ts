// An invitation whose conversation was forgotten (DIRECTLINE_IDLE_HOURS) moves to one new conversation, not one per use.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectLineStore } from '../../../src/channels/directline/directLineStore.js';
import { directLineKey } from '../../../src/store/redis/keys.js';
import { MemoryDirectLineStore } from '../../../src/store/memory/memoryDirectLineStore.js';
import { probeRedis } from '../../helpers/redisAvailability.js';
import type { RunningService } from '../../helpers/service.js';
import { call, generate, startWebChatService } from './webChatService.js';

const redis = await probeRedis();

describe('the invitation of a forgotten conversation (memory store, on a test clock)', () => {
  it('moves once to the first new conversation; a later use finds that one', async () => {
    let now = 0;
    const store: DirectLineStore = new MemoryDirectLineStore(3_600_000, () => now);
    await store.saveConversation({ conversationId: 'first', userId: 'dl_a', createdAt: '' });
    expect(await store.claimInvite('jti-1', 'first', 86_400)).toBe('first');
    now = 3_600_001;
    await store.saveConversation({ conversationId: 'unrelated', userId: 'dl_b', createdAt: '' });
    expect(await store.conversation('first')).toBeUndefined();
    expect(await store.claimInvite('jti-1', 'second', 86_400)).toBe('first');
    expect(await store.rebindInvite('jti-1', 'first', 'second', 86_400)).toBe('second');
    // A use racing the first one after the forgetting: it finds the moved link, not its own new conversation.
    expect(await store.rebindInvite('jti-1', 'first', 'third', 86_400)).toBe('second');
    expect(await store.claimInvite('jti-1', 'fourth', 86_400)).toBe('second');
  });
});

describe.skipIf(!redis.available)('the invitation of a forgotten conversation (Redis, through HTTP)', () => {
  const prefix = `xs-test-${randomUUID().slice(0, 8)}:`;
  let service: RunningService;
  let admin: Redis;
  beforeAll(async () => {
    service = await startWebChatService('redis', { REDIS_KEY_PREFIX: prefix });
    admin = new Redis(redis.url);
  });
  afterAll(async () => {
    await service.stop();
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it('the link opens one new conversation after its own expired, and every later use joins that one', async () => {
    const made = await call(service.url, '/api/admin/invites', {
      token: 'dev-admin-token',
      body: { accountRef: 'LN-2024-0001' },
    });
    const device = { invite: made.body.invite, locale: 'zh-CN', deviceKey: 'device-key-of-a-returning-phone-01' };
    const first = await generate(service.url, device);
    await call(service.url, '/v3/directline/conversations', { token: first.token, body: {} });
    // What Redis does after DIRECTLINE_IDLE_HOURS without an activity: the conversation's keys expire.
    const parts = ['conv', 'log', 'started', 'cids'] as const;
    await admin.del(...parts.map((part) => `${prefix}${directLineKey(first.conversationId, part)}`));

    const second = await generate(service.url, device);
    expect(second.conversationId).not.toBe(first.conversationId);
    const third = await generate(service.url, device);
    const other = await generate(service.url, { ...device, deviceKey: 'device-key-of-another-browser-02' });
    expect(third).toMatchObject({ conversationId: second.conversationId, resumed: true });
    expect(other).toMatchObject({ conversationId: second.conversationId, resumed: true });
  });
});
