// The stored machine snapshot keeps the account reference only: name, phone, ID suffix and birth date stay in the directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, TOKENS } from '../handoff/deskClient.js';

describe.each(STORE_KINDS)('what the snapshot keeps on the %s store', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  it('王小明 verified, interviewed, shown offers, then a person – nothing of who he is in the stored case; the bot and the desk still know his account', async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const { record } = await service.app.store.load(caseId);
    expect(record?.accountRef).toBe('LN-2024-0001');
    const stored = JSON.stringify(record?.snapshot);
    expect(stored).toContain('"offers"');
    for (const personal of ['王小明', '13800000001', '"1234"', '1990-05-20']) expect(stored).not.toContain(personal);

    const li = deskClient(service.url, TOKENS.li);
    expect((await li.post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    const view = await li.get<{ account?: { accountRef: string; borrowerName: string; overdueMinor: number } }>(
      `/api/agent/cases/${caseId}`,
    );
    expect(view.body.account).toMatchObject({ accountRef: 'LN-2024-0001', overdueMinor: 450000 });
    expect(view.body.account?.borrowerName).toMatch(/^王/);
    expect((await li.post(`/api/agent/cases/${caseId}/handback`)).status).toBe(200);
    // The offers again, with their amounts (computed from the account read back from the directory), then a choice.
    const { replies } = await borrower.say('1');
    const said = replies.map((reply) => reply.text ?? '').join('\n');
    expect(said).not.toContain('系统出了点问题');
    expect(said).toMatch(/[0-9]/);
    const after = JSON.stringify((await service.app.store.load(caseId)).record?.snapshot);
    for (const personal of ['王小明', '13800000001', '1990-05-20']) expect(after).not.toContain(personal);
  });
});
