// Two instances on one Redis: the borrower talks to one, the agent's console is on the other; relay goes through pub/sub.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { caseIdFor } from '../../src/conversation/caseIdentity.js';
import { textOf } from '../helpers/borrowerChannel.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { probeRedis } from '../helpers/redisAvailability.js';
import { startService, storeEnv, type RunningService } from '../helpers/service.js';
import { deskClient, escalateAtOffers, openStream, TOKENS } from './deskClient.js';

const redis = await probeRedis();
if (!redis.available) console.warn(`skipping the cross-instance desk test: ${redis.reason}`);

describe.skipIf(!redis.available)('agent desk across two instances (redis)', () => {
  const prefix = `xs-desk-${randomUUID().slice(0, 8)}:`;
  let connector: ConnectorStub;
  let borrowerSide: RunningService;
  let agentSide: RunningService;
  beforeAll(async () => {
    connector = await new ConnectorStub().start();
    borrowerSide = await startService(storeEnv('redis', prefix), {}, connector);
    agentSide = await startService(storeEnv('redis', prefix), {}, connector);
  });
  afterAll(async () => {
    await borrowerSide.stop();
    await agentSide.stop();
    await connector.stop();
  });

  test('escalated on A, claimed on B: queue, borrower → stream on B, agent on B → borrower channel, hand-back answered on A', async () => {
    const borrower = borrowerSide.borrower();
    const agent = deskClient(agentSide.url, TOKENS.li);
    const queueStream = await openStream(agentSide.url, TOKENS.li);
    await escalateAtOffers(borrower);
    const caseId = caseIdFor(borrower.channelId, borrower.conversationId);
    await queueStream.next((e) => e.type === 'queue.changed' && e.caseId === caseId);
    queueStream.close();
    expect(
      (await agent.get<{ cases: Array<{ caseId: string }> }>('/api/agent/queue')).body.cases.map((c) => c.caseId),
    ).toContain(caseId);

    const stream = await openStream(agentSide.url, TOKENS.li, caseId);
    expect((await agent.post(`/api/agent/cases/${caseId}/claim`)).status).toBe(200);
    expect((await borrower.say('请问还在吗？')).replies).toEqual([]);
    const relayed = await stream.next(
      (e) =>
        e.type === 'transcript.appended' &&
        Boolean(e.entries?.some((x) => x.actor === 'borrower' && x.text === '请问还在吗？')),
    );
    expect(relayed.caseId).toBe(caseId);
    stream.close();

    await agent.post(`/api/agent/cases/${caseId}/messages`, { text: '在的，请稍等。' });
    expect(connector.of(borrower.conversationId).at(-1)).toMatchObject({ text: '李客服：在的，请稍等。' });

    expect((await agent.post(`/api/agent/cases/${caseId}/handback`)).status).toBe(200);
    const resumed = await borrower.say('方案1');
    expect(resumed.replies.map(textOf).join('\n')).toContain('请确认还款协议');
  });
});
