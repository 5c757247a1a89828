// Auto-assignment (DESK_AUTO_ASSIGN=on): queued cases go to agents with a console open, round robin, never past their capacity.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, openStream, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('auto-assignment (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService({ ...storeEnv(kind), DESK_AUTO_ASSIGN: 'on', DESK_AGENT_CAPACITY: '1' });
  });
  afterAll(() => service.stop());

  const escalate = async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    return caseIdFor(borrower.channelId, borrower.conversationId);
  };
  const holder = async (caseId: string) =>
    (
      await deskClient(service.url, TOKENS.supervisor).get<{ handoff?: { agentId?: string } }>(
        `/api/agent/cases/${caseId}`,
      )
    ).body.handoff?.agentId;

  test('nobody online: the case waits; Li opens the console and gets it; the next goes to Amy; with both at capacity the third waits for a claim', async () => {
    const first = await escalate();
    expect(await holder(first)).toBeUndefined();
    const liStream = await openStream(service.url, TOKENS.li);
    await liStream.next((event) => event.type === 'case.claimed' && event.caseId === first);
    expect(await holder(first)).toBe('agent-li');

    const amyStream = await openStream(service.url, TOKENS.amy);
    const second = await escalate();
    await amyStream.next((event) => event.type === 'case.claimed' && event.caseId === second);
    expect(await holder(second)).toBe('agent-amy');

    const third = await escalate();
    const queue = await deskClient(service.url, TOKENS.li).get<{ cases: Array<{ caseId: string }> }>(
      '/api/agent/cases?view=queue',
    );
    expect(queue.body.cases.map((c) => c.caseId)).toContain(third);
    expect(await holder(third)).toBeUndefined();
    liStream.close();
    amyStream.close();
  });
});
