// Two instances, each with its own Redis connection, serving one conversation turn by turn.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { BalancedBorrower, JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

/** One clock for both runs, so dates and the agreement's due dates match to the character. */
const clock = () => new Date('2025-03-03T09:00:00.000Z');

describe.skipIf(!STORE_KINDS.includes('redis'))('two instances on one Redis', () => {
  const services: RunningService[] = [];
  const connectors: ConnectorStub[] = [];
  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await Promise.all(connectors.map((connector) => connector.stop()));
  });

  /** The demo negotiation on `instances` services sharing one key prefix, turn i on instance i mod n. */
  async function negotiate(instances: number, conversationId: string) {
    const connector = await new ConnectorStub().start();
    connectors.push(connector);
    const env = storeEnv('redis');
    const started = await Promise.all(Array.from({ length: instances }, () => startService(env, { clock }, connector)));
    services.push(...started);
    const borrower = new BalancedBorrower(
      started.map((service) => service.url),
      connector,
      conversationId,
    );
    await borrower.converse(JOB_LOSS_AGREED, (turn) => turn % instances);
    const last = started.at(-1)!.app.store;
    // The plan starts just after the agreement's reply: its start is part of the transcript compared.
    for (let attempt = 0; attempt < 200 && !(await last.load(borrower.caseId)).record?.plan; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const result = {
      said: borrower.botSaid(),
      // The plan's start is stamped by the service clock when it runs, not by the borrower's activity.
      // The test clock is fixed in 2025: the plan's jobs (reminders, the review) are due at once in real time and
      // speak when they run; what the negotiation itself wrote is compared.
      transcript: (await last.transcript(borrower.caseId))
        .filter((entry) => (entry.data as { proactive?: boolean } | undefined)?.proactive !== true)
        .map((entry) => (entry.actor === 'system' ? { ...entry, at: 'when the plan started' } : entry)),
      agreement: await last.agreement(borrower.caseId),
    };
    await last.erase(borrower.caseId);
    return result;
  }

  it('the demo negotiation alternating between instance A and B – the same bot messages, transcript and agreement as on one instance', async () => {
    const conversationId = `conv-${randomUUID()}`;
    const alone = await negotiate(1, conversationId);
    const shared = await negotiate(2, conversationId);
    expect(alone.said.at(-1)).toMatch(/协议编号 XS-/);
    expect(shared.said).toEqual(alone.said);
    expect(shared.transcript).toEqual(alone.transcript);
    expect(shared.agreement).toEqual(alone.agreement);
  });
});
