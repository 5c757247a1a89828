// Webhooks across process deaths and instances: a service killed with SIGKILL before delivering still delivers, two share the work.
import { afterAll, describe, expect, it } from 'vitest';
import { BalancedBorrower, JOB_LOSS_AGREED } from '../helpers/balancedBorrower.js';
import { startChildService, type ChildService } from '../helpers/childService.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { STORE_KINDS, storeEnv } from '../helpers/service.js';
import { TestReceiver } from '../helpers/webhookReceiver.js';
import { ADMIN_JSON, deliveries, until } from '../helpers/webhookDeliveries.js';

const LENDER = { authorization: 'Bearer dev-lender-token', 'content-type': 'application/json' };
/** Child processes start the compiled service, on a loaded machine. */
const CHILDREN_TIMEOUT_MS = 120_000;

/** Moves the service's time (shared by every instance through Redis) with the admin test clock. */
async function advanceTo(service: ChildService, at: string): Promise<void> {
  const response = await fetch(`${service.url}/api/admin/clock`, {
    method: 'POST',
    headers: ADMIN_JSON,
    body: JSON.stringify({ advanceTo: at }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

describe.skipIf(!STORE_KINDS.includes('redis'))('webhooks across killed processes and several instances', () => {
  const children: ChildService[] = [];
  const receivers: TestReceiver[] = [];
  const connectors: ConnectorStub[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await Promise.all(receivers.map((receiver) => receiver.stop()));
    await Promise.all(connectors.map((connector) => connector.stop()));
  });

  async function child(env: Record<string, string>, port?: number): Promise<ChildService> {
    const started = await startChildService(env, port);
    children.push(started);
    return started;
  }

  async function setUp() {
    const receiver = await new TestReceiver().start();
    receivers.push(receiver);
    const connector = await new ConnectorStub().start();
    connectors.push(connector);
    const env = { ...storeEnv('redis'), WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: receiver.secret };
    return { receiver, connector, env };
  }

  it(
    'the receiver is down when the agreement is committed, the service is killed with SIGKILL and restarted – agreement.recorded arrives signed, once',
    async () => {
      const { receiver, connector, env } = await setUp();
      const port = receiver.port;
      await receiver.stop();
      const service = await child(env);
      const borrower = new BalancedBorrower([service.url], connector);
      await borrower.converse(JOB_LOSS_AGREED, () => 0);

      // Committed, tried once (connection refused), waiting for its next attempt: now the process dies.
      const pending = await until(async () =>
        (await deliveries(service.url, 'failed')).find((d) => d.caseId === borrower.caseId),
      );
      expect(pending).toMatchObject({ attempts: 1, nextAttemptAt: expect.any(String) });
      await service.kill();

      await receiver.start(port);
      const restarted = await child(env, service.port);
      // Past the next attempt whatever the restart took (the service's time only moves forward).
      await advanceTo(
        restarted,
        new Date(Math.max(Date.parse(pending.nextAttemptAt!), Date.now()) + 60_000).toISOString(),
      );
      await receiver.waitFor((got) =>
        got.some((e) => e.type === 'agreement.recorded' && e.data.caseId === borrower.caseId),
      );
      const delivered = await until(async () => {
        const all = await deliveries(restarted.url, 'delivered');
        return all.some((d) => d.type === 'agreement.recorded' && d.caseId === borrower.caseId) ? all : undefined;
      });

      const ofCase = receiver.received.filter((e) => e.data.caseId === borrower.caseId);
      const agreement = ofCase.find((e) => e.type === 'agreement.recorded')!;
      expect(agreement.data).toMatchObject({ accountRef: 'LN-2024-0001', reference: expect.stringMatching(/^XS-/) });
      expect(agreement.verified).toBe(true);
      expect(receiver.rejected).toBe(0);
      // Exactly once: each event of the case reached the receiver once, and the service counts it delivered once.
      expect(ofCase.map((e) => receiver.attemptsOf(e.id))).toEqual(ofCase.map(() => 1));
      expect(delivered.filter((d) => d.id === agreement.id)).toEqual([
        expect.objectContaining({ status: 'delivered', attempts: 2 }),
      ]);
      expect((await deliveries(restarted.url, 'failed')).filter((d) => d.caseId === borrower.caseId)).toEqual([]);
    },
    CHILDREN_TIMEOUT_MS,
  );

  it(
    'two instances on one Redis, conversations and payments sent to both – every event is delivered exactly once',
    async () => {
      const { receiver, connector, env } = await setUp();
      const [a, b] = await Promise.all([child(env), child(env)]);
      const borrowers = [
        new BalancedBorrower([a.url, b.url], connector),
        new BalancedBorrower([b.url, a.url], connector),
      ];
      for (const borrower of borrowers) await borrower.converse(JOB_LOSS_AGREED, (index) => index % 2);
      const paymentIds = Array.from({ length: 20 }, (_, index) => `pay-${borrowers[1]!.caseId}-${index}`);
      // One after another, as a lender's batch job posts them (concurrent payments of one case conflict and are answered 503).
      for (const [index, paymentId] of paymentIds.entries()) {
        const response = await fetch(`${(index % 2 ? b : a).url}/api/lender/payments`, {
          method: 'POST',
          headers: LENDER,
          body: JSON.stringify({
            paymentId,
            accountRef: 'LN-2024-0001',
            amountMinor: 10_000 + index,
            currency: 'CNY',
            paidAt: '2026-11-20T10:00:00+08:00',
          }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
      }

      await receiver.waitFor(
        (got) =>
          borrowers.every((borrower) =>
            got.some((e) => e.type === 'agreement.recorded' && e.data.caseId === borrower.caseId),
          ) && paymentIds.every((id) => got.some((e) => e.type === 'payment.recorded' && e.data.paymentId === id)),
      );
      // Every event the service filed as delivered has reached the receiver, once, and nothing else arrived.
      const mine = new Set(borrowers.map((borrower) => borrower.caseId));
      const delivered = await until(async () => {
        const all = (await deliveries(a.url, 'delivered')).filter((d) => mine.has(d.caseId));
        return all.length === receiver.received.length ? all : undefined;
      });
      const ids = receiver.received.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.map((id) => receiver.attemptsOf(id))).toEqual(ids.map(() => 1));
      expect(new Set(delivered.map((d) => d.id))).toEqual(new Set(ids));
      expect(delivered.every((d) => d.attempts === 1)).toBe(true);
      expect(receiver.rejected).toBe(0);
      // In order per case: the payments of the second case arrive in the order they were committed.
      const payments = receiver.received.filter((e) => e.type === 'payment.recorded');
      expect(payments).toHaveLength(paymentIds.length);
      expect((await deliveries(b.url, 'failed')).filter((d) => mine.has(d.caseId))).toEqual([]);
    },
    CHILDREN_TIMEOUT_MS,
  );
});
