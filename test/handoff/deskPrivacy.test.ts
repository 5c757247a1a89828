// An agent sees the queue and their own cases: another agent's case is neither readable nor streamed to them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { startService, STORE_KINDS, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, openStream, TOKENS } from './deskClient.js';

describe.each(STORE_KINDS)('what one agent sees of the desk (%s)', (kind) => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService(storeEnv(kind));
  });
  afterAll(() => service.stop());

  test('a case Li holds – Amy gets 403 reading it and none of its messages; Amy still reads queued cases; the supervisor reads and hears everything', async () => {
    const held = service.borrower();
    await escalateAtOffers(held);
    const heldId = caseIdFor(held.channelId, held.conversationId);
    const li = deskClient(service.url, TOKENS.li);
    const amy = deskClient(service.url, TOKENS.amy);
    const supervisor = deskClient(service.url, TOKENS.supervisor);
    expect((await amy.get(`/api/agent/cases/${heldId}`)).status).toBe(200);
    expect((await li.post(`/api/agent/cases/${heldId}/claim`)).status).toBe(200);

    const amyStream = await openStream(service.url, TOKENS.amy);
    const supervisorStream = await openStream(service.url, TOKENS.supervisor);
    await held.say('我的卡号是6222020200112233445，现在能还两千');
    const queued = service.borrower();
    await queued.say('你好');
    await queued.say('人工');
    const queuedId = caseIdFor(queued.channelId, queued.conversationId);

    // Events arrive in order: once the later case's queueing is in, Li's case's message would have been too.
    await amyStream.next((e) => e.caseId === queuedId && e.type === 'queue.changed');
    await supervisorStream.next((e) => e.caseId === queuedId && e.type === 'queue.changed');
    expect(amyStream.events.filter((e) => e.caseId === heldId && e.type === 'transcript.appended')).toEqual([]);
    expect(JSON.stringify(amyStream.events)).not.toContain('现在能还两千');
    expect(supervisorStream.events).toContainEqual(
      expect.objectContaining({ caseId: heldId, type: 'transcript.appended', heldBy: 'agent-li' }),
    );
    amyStream.close();
    supervisorStream.close();

    const refused = await amy.get<{ error: { message: string } }>(`/api/agent/cases/${heldId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('held by another agent');
    expect((await li.get(`/api/agent/cases/${heldId}`)).status).toBe(200);
    expect((await supervisor.get(`/api/agent/cases/${heldId}`)).status).toBe(200);
    expect((await amy.get(`/api/agent/cases/${queuedId}`)).status).toBe(200);
  });

  test("a case sent to the supervisors' queue – agents may not read it, supervisors may", async () => {
    const borrower = service.borrower();
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    const li = deskClient(service.url, TOKENS.li);
    await li.post(`/api/agent/cases/${caseId}/claim`);
    expect((await li.post(`/api/agent/cases/${caseId}/transfer`, {})).status).toBe(200);
    expect((await deskClient(service.url, TOKENS.amy).get(`/api/agent/cases/${caseId}`)).status).toBe(403);
    expect((await deskClient(service.url, TOKENS.supervisor).get(`/api/agent/cases/${caseId}`)).status).toBe(200);
  });
});
