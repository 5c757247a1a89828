// Reloading dialogs/: a conversation finishes on the version it started on; new ones start on the new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';
import { copyDialogs, type DialogsCopy } from '../helpers/dialogsCopy.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';

const ADMIN = 'test-admin-token-000001';
const PO = 'test-po-token-0000000001';
export const FLOW_TOKENS = `admin:admin:Admin:${ADMIN};product_owner:po:PO:${PO};agent:agent-li:Li:test-agent-token-00001`;

const TO_OTHER_DEBTS = ['你好', 'LN-2024-0001', '1234', '1990-05-20', '失业', '暂时的', '3', '8000', '三千五', '没有'];

async function reload(service: RunningService, token = ADMIN) {
  const response = await fetch(`${service.url}/api/admin/flows/reload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(STORE_KINDS)('flow versions on %s', (kind) => {
  let copy: DialogsCopy;
  let service: RunningService;
  const env = storeEnv(kind);
  beforeAll(async () => {
    copy = copyDialogs();
    service = await startService({ ...env, DIALOGS_DIR: copy.dir, API_TOKENS: FLOW_TOKENS });
  });
  afterAll(() => service.stop());

  it('a reload to a version 2 without the dependants question – the old conversation ends agreed on version 1, a new one runs on version 2', async () => {
    const v1 = service.app.dialogs.current().version;
    const early = service.borrower();
    for (const text of TO_OTHER_DEBTS) await early.say(text);
    expect(early.allText()).toContain('有几位家人需要您供养');

    copy.edit('negotiation.flow.yaml', /target: askingDependants/g, 'target: askingStatedMonthly');
    copy.edit('negotiation.flow.yaml', / {10}askingDependants:\n(?: {12}.*\n| {14}.*\n)+/, '');
    expect((await reload(service, PO)).status).toBe(403);
    const reloaded = await reload(service);
    expect(reloaded.status).toBe(200);
    expect(reloaded.body).toMatchObject({ previous: v1, changed: true });
    const v2 = String(reloaded.body.version);
    expect(v2).not.toBe(v1);
    expect(service.app.dialogs.current().version).toBe(v2);

    for (const text of ['1', '两千五', '方案1']) await early.say(text);
    const agreed = await early.say('我同意');
    expect(agreed.replies.map(textOf).join('\n')).toContain('协议已记录');
    const earlyCase = await service.app.store.load(caseIdFor('test', early.conversationId));
    expect(earlyCase.record).toMatchObject({ flowVersion: v1, status: 'agreed' });

    const late = service.borrower();
    for (const text of TO_OTHER_DEBTS.slice(0, -1)) await late.say(text);
    const next = await late.say('没有');
    expect(next.replies.map(textOf).join('\n')).toContain('您觉得自己每月能还多少');
    expect(late.allText()).not.toContain('有几位家人需要您供养');
    const lateCase = await service.app.store.load(caseIdFor('test', late.conversationId));
    expect(lateCase.record?.flowVersion).toBe(v2);

    const { body } = await fetch(`${service.url}/api/flows/versions`, {
      headers: { authorization: `Bearer ${PO}` },
    }).then(async (r) => ({ body: (await r.json()) as { current: string; versions: Array<{ version: string }> } }));
    expect(body.current).toBe(v2);
    expect(body.versions.map((v) => v.version)).toEqual(expect.arrayContaining([v1, v2]));
  });

  it('a reload of a broken dialogs/ – 422 with every problem, the service stays on the version it had', async () => {
    const before = service.app.dialogs.current().version;
    copy.edit('prompts/zh-TW.yaml', /^ {2}askIncome: .*\n/m, '');
    const refused = await reload(service);
    expect(refused.status).toBe(422);
    expect(String((refused.body.error as { message: string }).message)).toMatch(
      /prompts\/zh-TW\.yaml:\d+: prompt interview\.askIncome: missing in zh-TW/,
    );
    expect(service.app.dialogs.current().version).toBe(before);
  });

  // Only a shared store can carry a version to another instance; on memory there is nothing to test.
  const onSharedStore: (name: string, test: () => Promise<void>) => void = kind === 'redis' ? it : () => undefined;
  onSharedStore(
    'another instance that never loaded version 1 – continues a version 1 conversation from the store',
    async () => {
      const fresh = copyDialogs();
      const connector = await new ConnectorStub().start();
      const first = await startService({ ...env, DIALOGS_DIR: fresh.dir, API_TOKENS: FLOW_TOKENS }, {}, connector);
      const borrower = first.borrower();
      for (const text of TO_OTHER_DEBTS) await borrower.say(text);
      const v1 = first.app.dialogs.current().version;
      await first.stop();
      fresh.edit('negotiation.flow.yaml', /target: askingDependants/g, 'target: askingStatedMonthly');
      fresh.edit('negotiation.flow.yaml', / {10}askingDependants:\n(?: {12}.*\n| {14}.*\n)+/, '');
      const second = await startService({ ...env, DIALOGS_DIR: fresh.dir, API_TOKENS: FLOW_TOKENS }, {}, connector);
      try {
        expect(second.app.dialogs.current().version).not.toBe(v1);
        const onSecond = second.borrower({ conversationId: borrower.conversationId, userId: borrower.userId });
        const asked = await onSecond.post(
          onSecond.activity({ text: '1', id: `act-${borrower.conversationId}-on-second` }),
        );
        expect(asked.status).toBe(200);
        expect(asked.replies.map(textOf).join('\n')).toContain('您觉得自己每月能还多少');
        expect((await second.app.store.load(caseIdFor('test', borrower.conversationId))).record?.flowVersion).toBe(v1);
      } finally {
        await second.stop();
        await connector.stop();
      }
    },
  );
});
