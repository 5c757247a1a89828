// Erasure on request: an admin removes a case everywhere; others may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse } from '../helpers/conversation.js';
import { call, generate, TEST_SECRET } from '../channels/directline/webChatService.js';

describe.each(STORE_KINDS)('erasing a case on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ ...storeEnv(kind), DIRECTLINE_SECRET: TEST_SECRET });
  });
  afterAll(() => service.stop());

  const erase = (caseId: string, token?: string) =>
    fetch(`${service.url}/api/admin/cases/${caseId}`, {
      method: 'DELETE',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('an escalated case erased by an admin – record, transcript and queue entry gone; the conversation starts afresh', async () => {
    const borrower = service.borrower();
    await converse(borrower, [
      ['你好', '合同号'],
      ['人工', '转接'],
    ]);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    expect(await service.app.queue.list()).toContainEqual(expect.objectContaining({ caseId }));

    expect((await erase(caseId)).status).toBe(401);
    expect((await erase(caseId, 'dev-agent-token')).status).toBe(403);
    const response = await erase(caseId, 'dev-admin-token');
    expect(response.status).toBe(200);

    expect((await service.app.store.load(caseId)).record).toBeUndefined();
    expect(await service.app.store.transcript(caseId)).toEqual([]);
    expect(await service.app.queue.list()).not.toContainEqual(expect.objectContaining({ caseId }));
    expect((await erase(caseId, 'dev-admin-token')).status).toBe(404);
    await converse(borrower, [['你好', '自动协商助手']]);
  });

  it('a web chat case erased – the Direct Line log with what the borrower typed and the desk summary go too', async () => {
    const started = await generate(service.url);
    const activities = `/v3/directline/conversations/${started.conversationId}/activities`;
    for (const text of ['你好', '我的电话是13812345678，转人工'])
      expect(
        (await call(service.url, activities, { token: started.token, body: { type: 'message', text } })).status,
      ).toBe(200);
    const caseId = caseIdFor('directline', started.conversationId);
    expect((await service.app.store.load(caseId)).record?.status).toBe('escalated');
    const log = await call(service.url, `${activities}?watermark=0`, { method: 'GET', token: started.token });
    expect(JSON.stringify(log.body)).toContain('13812345678');
    expect(await service.app.stores.deskIndex.get(caseId)).toBeDefined();

    expect((await erase(caseId, 'dev-admin-token')).status).toBe(200);

    expect(await service.app.stores.directLine.since(started.conversationId, 0)).toMatchObject({ activities: [] });
    expect(await service.app.stores.directLine.conversation(started.conversationId)).toBeUndefined();
    expect(await service.app.stores.deskIndex.get(caseId)).toBeUndefined();
  });
});
