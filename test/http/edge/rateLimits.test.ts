// New conversations are rate-limited per client address and per channel user (429 with Retry-After), on memory and on Redis.
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_KINDS, storeEnv, startService, type RunningService } from '../../helpers/service.js';
import { TEST_SECRET } from '../../channels/directline/webChatService.js';

let service: RunningService | undefined;
afterEach(async () => {
  await service?.stop();
  service = undefined;
});

async function generateFrom(url: string, forwardedFor?: string): Promise<Response> {
  return fetch(`${url}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: '{}',
  });
}

describe.each(STORE_KINDS)('rate limits (%s)', (kind) => {
  const start = (env: Record<string, string>) =>
    startService({ ...storeEnv(kind), DIRECTLINE_SECRET: TEST_SECRET, RATE_LIMIT_EXEMPT: '', ...env });

  it('RATE_LIMIT_CONVERSATIONS_PER_CLIENT=3/600 – the 4th web chat token from one address is 429 with Retry-After', async () => {
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '3/600' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await generateFrom(service.url)).status);
    const refused = await generateFrom(service.url);
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(await refused.json()).toMatchObject({ error: { code: 'XS_RATE_LIMITED' } });
  });

  it('X-Forwarded-For – ignored without TRUST_PROXY; with TRUST_PROXY=127.0.0.1 each forwarded client has its own budget', async () => {
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '1/600' });
    expect((await generateFrom(service.url, '203.0.113.1')).status).toBe(200);
    expect((await generateFrom(service.url, '203.0.113.2')).status).toBe(429);
    await service.stop();
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '1/600', TRUST_PROXY: '127.0.0.1' });
    expect((await generateFrom(service.url, '203.0.113.1')).status).toBe(200);
    expect((await generateFrom(service.url, '198.51.100.7, 203.0.113.2')).status).toBe(200);
    expect((await generateFrom(service.url, '203.0.113.1')).status).toBe(429);
  });

  it('RATE_LIMIT_EXEMPT=127.0.0.0/8 – a load test from loopback is not limited', async () => {
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '1/600', RATE_LIMIT_EXEMPT: '127.0.0.0/8' });
    for (let i = 0; i < 4; i++) expect((await generateFrom(service.url)).status).toBe(200);
  });

  it('RATE_LIMIT_CONVERSATIONS_PER_USER=2/600 – a third new conversation of one channel user on /api/messages is 429; their existing conversation goes on', async () => {
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_USER: '2/600' });
    const first = service.borrower({ userId: 'same-user' });
    expect((await first.join()).status).toBe(200);
    expect((await service.borrower({ userId: 'same-user' }).join()).status).toBe(200);
    const third = await service.borrower({ userId: 'same-user' }).join();
    expect(third.status).toBe(429);
    expect(third.replies).toHaveLength(0);
    expect((await first.say('你好')).status).toBe(200);
    expect((await service.borrower({ userId: 'another-user' }).join()).status).toBe(200);
  });

  it('RATE_LIMIT_CONVERSATIONS_PER_CLIENT=2/600 without Bot Framework auth – the third new /api/messages conversation from one address is 429', async () => {
    service = await start({ RATE_LIMIT_CONVERSATIONS_PER_CLIENT: '2/600' });
    expect((await service.borrower().join()).status).toBe(200);
    expect((await service.borrower().join()).status).toBe(200);
    const refused = await service.borrower().join();
    expect(refused.status).toBe(429);
  });
});
