// A service process killed with SIGKILL mid-negotiation: the borrower carries on, on another process.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { BalancedBorrower, JOB_LOSS_AGREED, borrowerMessageCounts } from '../helpers/balancedBorrower.js';
import { startChildService, type ChildService } from '../helpers/childService.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import type { CaseStore } from '../../src/store/caseStore.js';
import { STORE_KINDS, startService, storeEnv } from '../helpers/service.js';

/** Each child process starts the compiled service; several at once on a loaded machine. */
const CHILDREN_TIMEOUT_MS = 120_000;

/** What the bot says in the demo negotiation on one in-process instance, for this conversation id. */
async function saidOnOneInstance(conversationId: string): Promise<string[]> {
  const service = await startService();
  try {
    const borrower = new BalancedBorrower([service.url], service.connector, conversationId);
    await borrower.converse(JOB_LOSS_AGREED, () => 0);
    return borrower.botSaid();
  } finally {
    await service.stop();
  }
}

/** Reads what the children stored, then erases the case, through an in-process service on the same keys. */
async function readThenErase<T>(
  env: Record<string, string>,
  caseId: string,
  read: (store: CaseStore) => Promise<T>,
): Promise<T> {
  const service = await startService(env);
  try {
    const result = await read(service.app.store);
    await service.app.store.erase(caseId);
    return result;
  } finally {
    await service.stop();
  }
}

describe.skipIf(!STORE_KINDS.includes('redis'))('service processes killed with SIGKILL', () => {
  const children: ChildService[] = [];
  const connectors: ConnectorStub[] = [];
  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await Promise.all(connectors.map((connector) => connector.stop()));
  });

  async function child(env: Record<string, string>, port?: number): Promise<ChildService> {
    const started = await startChildService(env, port);
    children.push(started);
    return started;
  }

  it(
    'A killed after the identity check, B killed after the hardship answers, A restarted – the negotiation ends exactly as on one instance',
    async () => {
      const env = storeEnv('redis');
      const connector = await new ConnectorStub().start();
      connectors.push(connector);
      const [a, b] = await Promise.all([child(env), child(env)]);
      const conversationId = `conv-${randomUUID()}`;
      const borrower = new BalancedBorrower([a.url, b.url], connector, conversationId);

      await borrower.converse(JOB_LOSS_AGREED.slice(0, 4), () => 0);
      await a.kill();
      await borrower.converse(JOB_LOSS_AGREED.slice(4, 9), () => 1);
      await b.kill();
      await child(env, a.port);
      await borrower.converse(JOB_LOSS_AGREED.slice(9), () => 0);

      expect(borrower.botSaid()).toEqual(await saidOnOneInstance(conversationId));
      expect(await readThenErase(env, borrower.caseId, (store) => store.agreement(borrower.caseId))).toMatchObject({
        reference: expect.stringMatching(/^XS-/),
      });
    },
    CHILDREN_TIMEOUT_MS,
  );

  it(
    'A killed while a turn is in flight, the channel redelivers it to B – 200, the message is in the transcript once, the next turn follows on',
    async () => {
      const env = storeEnv('redis');
      const connector = await new ConnectorStub().start();
      connectors.push(connector);
      const [a, b] = await Promise.all([child(env), child(env)]);
      const borrower = new BalancedBorrower([a.url, b.url], connector);
      await borrower.converse(JOB_LOSS_AGREED.slice(0, 4), () => 0);

      const activity = borrower.message('失业');
      const inFlight = borrower.deliver(activity, 0).catch((err: unknown) => err);
      await a.kill();
      await inFlight;
      expect((await borrower.deliver(activity, 1)).status).toBe(200);
      await borrower.converse(JOB_LOSS_AGREED.slice(5, 7), () => 1);

      const counts = borrowerMessageCounts(
        await readThenErase(env, borrower.caseId, (store) => store.transcript(borrower.caseId)),
      );
      expect([counts.get('失业'), counts.get('暂时的'), counts.get('3')]).toEqual([1, 1, 1]);
    },
    CHILDREN_TIMEOUT_MS,
  );
});
