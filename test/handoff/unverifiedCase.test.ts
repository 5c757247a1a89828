// A case escalated before the identity check: the desk shows no amounts and makes no offers; hand-back resumes at the check.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { textOf, type BorrowerChannel } from '../helpers/borrowerChannel.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('unverified case at the desk (%s)', (kind) => {
  let service: RunningService;
  const li = () => deskClient(service.url, TOKENS.li);
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  async function escalatedAfter(lines: string[]): Promise<{ borrower: BorrowerChannel; caseId: string }> {
    const borrower = service.borrower();
    for (const line of ['你好', ...lines, '人工']) expect((await borrower.say(line)).status).toBe(200);
    return { borrower, caseId: caseIdFor(borrower.channelId, borrower.conversationId) };
  }

  test('a person asked for right after the account reference – "not verified", no amounts; offers and agreements 409; hand-back asks the identity questions', async () => {
    const { borrower, caseId } = await escalatedAfter(['LN-2024-0001']);
    const queue = await li().get<{ cases: Array<Record<string, unknown>> }>('/api/agent/queue');
    const item = queue.body.cases.find((c) => c.caseId === caseId);
    expect(item).toMatchObject({ identityVerified: false });
    expect(item).not.toHaveProperty('overdueMinor');
    expect((await li().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    const view = await li().get(`/api/agent/cases/${caseId}`);
    expect(view.body).toMatchObject({ identityVerified: false });
    expect(view.body).not.toHaveProperty('account');
    const offer = await li().post(`/api/agent/cases/${caseId}/offers`, { kind: 'installment', months: 6 });
    expect(offer.status).toBe(409);
    expect(JSON.stringify(offer.body)).toContain('identity is not verified');
    expect((await li().post(`/api/agent/cases/${caseId}/agreement`, { offerId: 'installment-6' })).status).toBe(409);
    expect((await li().post(`/api/agent/cases/${caseId}/handback`)).status).toBe(200);
    expect(borrower.allText().split('\n').slice(-3).join('\n')).toContain('身份证号码的后四位');
    expect((await borrower.say('1234')).replies.map(textOf).join()).toContain('出生日期');
    expect((await borrower.say('1990-05-20')).replies.map(textOf).join()).toContain('身份核实成功');
  });

  test('a verified borrower escalated before the interview, an agent offer, hand-back, then an amount – answered, no guard error', async () => {
    const { borrower, caseId } = await escalatedAfter(['LN-2024-0001', '1234', '1990-05-20']);
    expect((await li().post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    expect((await li().get(`/api/agent/cases/${caseId}`)).body).toMatchObject({
      identityVerified: true,
      account: { accountRef: 'LN-2024-0001' },
    });
    expect((await li().post(`/api/agent/cases/${caseId}/offers`, { kind: 'installment', months: 6 })).status).toBe(200);
    expect((await li().post(`/api/agent/cases/${caseId}/handback`)).status).toBe(200);
    const counter = await borrower.say('每月500');
    expect(counter.status).toBe(200);
    expect(counter.replies.map(textOf).join()).not.toContain('出了点问题');
  });
});
