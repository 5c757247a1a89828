// A channel redelivering an activity (same id) to any instance: processed once, every copy answered 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalancedBorrower, borrowerMessageCounts } from '../helpers/balancedBorrower.js';
import { ConnectorStub } from '../helpers/connectorStub.js';
import { JOB_LOSS_TO_OFFERS } from '../helpers/conversation.js';
import { STORE_KINDS, startService, storeEnv, type RunningService } from '../helpers/service.js';

describe.skipIf(!STORE_KINDS.includes('redis'))('redelivered activities on two instances', () => {
  let connector: ConnectorStub;
  let instances: RunningService[];
  beforeAll(async () => {
    connector = await new ConnectorStub().start();
    const env = storeEnv('redis');
    instances = await Promise.all([startService(env, {}, connector), startService(env, {}, connector)]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((service) => service.stop()));
    await connector.stop();
  });

  async function borrowerAtHardship() {
    const borrower = new BalancedBorrower(
      instances.map((service) => service.url),
      connector,
    );
    await borrower.converse(JOB_LOSS_TO_OFFERS.slice(0, 4), (turn) => turn % 2);
    return borrower;
  }

  it('"失业" delivered to A, then the same activity to B – both 200, one turn, the redelivery sends nothing', async () => {
    const borrower = await borrowerAtHardship();
    const activity = borrower.message('失业');
    const first = await borrower.deliver(activity, 0);
    const again = await borrower.deliver(activity, 1);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.replies.length).toBeGreaterThan(0);
    expect(again.replies).toEqual([]);
    const store = instances[0]!.app.store;
    expect(borrowerMessageCounts(await store.transcript(borrower.caseId)).get('失业')).toBe(1);
    expect((await store.load(borrower.caseId)).version).toBe(5);
    await borrower.converse([JOB_LOSS_TO_OFFERS[5]!], () => 1);
    await store.erase(borrower.caseId);
  });

  it('"失业" posted four times at once, twice to A and twice to B – all 200, one turn, one set of replies', async () => {
    const borrower = await borrowerAtHardship();
    const activity = borrower.message('失业');
    const before = borrower.botSaid().length;
    const deliveries = await Promise.all([0, 1, 0, 1].map((instance) => borrower.deliver(activity, instance)));
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200, 200]);
    const store = instances[0]!.app.store;
    const transcript = await store.transcript(borrower.caseId);
    expect(borrowerMessageCounts(transcript).get('失业')).toBe(1);
    expect((await store.load(borrower.caseId)).version).toBe(5);
    const botMessages = transcript.filter((entry) => entry.actor === 'bot' && entry.kind === 'message');
    expect(borrower.botSaid().length).toBe(botMessages.length);
    expect(borrower.botSaid().length - before).toBeGreaterThan(0);
    await borrower.converse([JOB_LOSS_TO_OFFERS[5]!], () => 0);
    await store.erase(borrower.caseId);
  });
});
