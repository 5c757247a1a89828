// An agent records an agreement on a case whose borrower cancelled theirs: a new agreement, a new reference.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { converse, JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { deskClient, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('agreement after a cancellation (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  test('the borrower agrees, cancels, asks for a person – the agent records a new agreement (200), the cancelled one stays stored', async () => {
    const borrower = service.borrower();
    await converse(borrower, [...JOB_LOSS_TO_OFFERS, ['方案1', '请确认还款协议'], ['我同意', '协议已记录']]);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const first = (await service.app.store.agreement(caseId))!;
    await converse(borrower, [
      ['我想撤销协议', first.reference],
      ['我还是想跟人工聊聊', '工作人员'],
    ]);
    const li = deskClient(service.url, TOKENS.li);
    expect((await li.post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    const recorded = await li.post<{ agreement: { reference: string } }>(`/api/agent/cases/${caseId}/agreement`, {
      offerId: first.offer.id,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.agreement.reference).not.toBe(first.reference);
    expect((await service.app.store.agreement(caseId))?.reference).toBe(recorded.body.agreement.reference);
    expect((await service.app.store.cancellations(caseId)).map((c) => c.reference)).toEqual([first.reference]);
    // Recorded once: a second attempt on the agreement now in force is refused.
    expect((await li.post(`/api/agent/cases/${caseId}/agreement`, { offerId: first.offer.id })).status).toBe(409);
  });
});
