// Runs the store contracts on the in-memory store (one process: the peer is the same object), and its forgetting.
import { describe, expect, it } from 'vitest';
import { MemoryCaseStore, MemoryHandoffQueue } from '../../../src/store/memory/memoryStore.js';
import {
  agreement,
  caseRecord,
  describeCaseStoreContract,
  describeHandoffQueueContract,
  entry,
} from '../caseStore.contract.js';

describeCaseStoreContract('memory', async () => {
  const store = new MemoryCaseStore();
  return { store, peer: store, close: () => store.close() };
});

describeHandoffQueueContract('memory', async () => {
  const queue = new MemoryHandoffQueue();
  return { queue, peer: queue, close: async () => {} };
});

describe('memory store – forgetting', () => {
  const DAY = 86_400_000;
  const retention = { active: 30, escalated: 180, agreed: 730, closed: 730 } as const;

  it('cases of every state are forgotten after their own retention without a change (active 30 d, escalated 180 d, closed 730 d)', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const store = new MemoryCaseStore({
      dedupeTtlMs: DAY,
      retention: (status) => retention[status] * 86_400,
      now: () => now,
    });
    const handoff = { reason: 'dispute' as const, priority: 'high' as const, queuedAt: '2026-01-01T00:00:00.000Z' };
    await store.commit({ caseId: 'active', expectedVersion: 0, record: caseRecord('active'), append: [entry('hi')] });
    await store.commit({
      caseId: 'escalated',
      expectedVersion: 0,
      record: caseRecord('escalated', { status: 'escalated', handoff }),
      append: [entry('a person please')],
    });
    await store.commit({
      caseId: 'closed',
      expectedVersion: 0,
      record: caseRecord('closed', { status: 'agreed' }),
      append: [entry('yes')],
      agreement: agreement('closed', 'AGR-1'),
    });
    const present = async () =>
      (await Promise.all(['active', 'escalated', 'closed'].map(async (id) => [id, (await store.load(id)).record])))
        .filter(([, record]) => record !== undefined)
        .map(([id]) => id);

    now += 29 * DAY;
    expect(await present()).toEqual(['active', 'escalated', 'closed']);
    now += 2 * DAY;
    expect(await present()).toEqual(['escalated', 'closed']);
    expect(await store.transcript('active')).toEqual([]);
    now += 150 * DAY;
    expect(await present()).toEqual(['closed']);
    now += 600 * DAY;
    expect(await present()).toEqual([]);
    expect(await store.agreement('closed')).toBeUndefined();
  });

  it('a case changed again – its retention starts over from the last change', async () => {
    let now = 0;
    const store = new MemoryCaseStore({ dedupeTtlMs: DAY, retention: () => 30 * 86_400, now: () => now });
    await store.commit({ caseId: 'c', expectedVersion: 0, record: caseRecord('c'), append: [] });
    now += 20 * DAY;
    await store.commit({ caseId: 'c', expectedVersion: 1, record: caseRecord('c'), append: [] });
    now += 20 * DAY;
    expect((await store.load('c')).version).toBe(2);
  });
});
