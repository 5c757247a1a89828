// Erasure on request: an admin removes a case everywhere; others may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { converse } from '../helpers/conversation.js';

describe.each(STORE_KINDS)('erasing a case on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
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
});
