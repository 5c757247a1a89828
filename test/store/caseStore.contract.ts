// The one contract every CaseStore and HandoffQueue implementation passes, memory and Redis alike.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Agreement, CaseRecord } from '../../src/domain/case.js';
import type { TranscriptEntry } from '../../src/domain/transcript.js';
import type { CaseStore, HandoffQueue, QueuedHandoff } from '../../src/store/caseStore.js';
import { MAX_TRANSCRIPT_COMMITS } from '../../src/store/storeLimits.js';

export interface CaseStoreFixture {
  store: CaseStore;
  /** Another handle on the same data, as a second instance would have (may be `store` itself). */
  peer: CaseStore;
  close(): Promise<void>;
}

export interface HandoffQueueFixture {
  queue: HandoffQueue;
  peer: HandoffQueue;
  close(): Promise<void>;
}

const AT = '2025-03-01T09:00:00.000Z';

export function caseRecord(caseId: string, overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    caseId,
    channelId: 'webchat',
    conversationId: `conv-${caseId}`,
    conversationRef: { conversation: { id: `conv-${caseId}` } },
    locale: 'zh-CN',
    flowVersion: 'flow-1',
    snapshot: { value: 'presentingOffers', context: { offers: ['installment-6'] } },
    status: 'active',
    createdAt: AT,
    lastActivityAt: AT,
    ...overrides,
  };
}

export function entry(text: string, actor: TranscriptEntry['actor'] = 'borrower'): TranscriptEntry {
  return { at: AT, actor, channelId: 'webchat', kind: 'message', text };
}

export function agreement(caseId: string, reference: string): Agreement {
  return {
    reference,
    caseId,
    accountRef: 'acct-1',
    currency: 'CNY',
    offer: {
      id: 'installment-2',
      kind: 'installment',
      monthlyMinor: 5000,
      highestPaymentMinor: 5000,
      months: 2,
      graceMonths: 0,
      totalMinor: 10000,
      schedule: [1, 2].map((month) => ({
        month,
        amountMinor: 5000,
        principalMinor: 5000,
        interestMinor: 0,
        feesMinor: 0,
        regularMinor: 0,
      })),
      cost: { principalMinor: 10000, interestMinor: 0, feesMinor: 0, waivedMinor: 0, aprBps: 0, covers: 'balance' },
      fallback: false,
      conditions: [],
    },
    dueDates: [
      { month: 1, dueDate: '2025-04-01', amountMinor: 5000 },
      { month: 2, dueDate: '2025-05-01', amountMinor: 5000 },
    ],
    agreedAt: AT,
    recordedBy: 'bot',
  };
}

export function describeCaseStoreContract(name: string, open: () => Promise<CaseStoreFixture>): void {
  describe(`${name} – CaseStore contract`, () => {
    let fixture: CaseStoreFixture;
    let store: CaseStore;
    let caseId: string;
    beforeAll(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterAll(() => fixture.close());
    beforeEach(() => {
      caseId = `case-${randomUUID()}`;
    });

    it('a case never seen – no record, version 0, not a duplicate', async () => {
      expect(await store.load(caseId, 'act-1')).toEqual({ record: undefined, version: 0, duplicate: false });
      expect(await store.transcript(caseId)).toEqual([]);
      expect(await store.agreement(caseId)).toBeUndefined();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('commit on version 0 then load – the same record at version 1, entries in the transcript', async () => {
      const record = caseRecord(caseId);
      expect(
        await store.commit({ caseId, expectedVersion: 0, record, append: [entry('你好'), entry('hi', 'bot')] }),
      ).toEqual({ ok: true, version: 1 });
      expect(await store.load(caseId)).toEqual({ record, version: 1, duplicate: false });
      expect(await store.transcript(caseId)).toEqual([entry('你好'), entry('hi', 'bot')]);
    });

    it('a case the peer commits after this instance did – this instance loads the peer’s record, not its own', async () => {
      await store.commit({ caseId, expectedVersion: 0, record: caseRecord(caseId), append: [] });
      expect((await store.load(caseId)).record).toEqual(caseRecord(caseId));
      const peers = caseRecord(caseId, { status: 'escalated', flowVersion: 'flow-2' });
      expect(await fixture.peer.commit({ caseId, expectedVersion: 1, record: peers, append: [] })).toEqual({
        ok: true,
        version: 2,
      });
      expect(await store.load(caseId)).toEqual({ record: peers, version: 2, duplicate: false });
    });

    it('a case erased and started again by the peer at the same version – this instance loads the new record', async () => {
      await store.commit({ caseId, expectedVersion: 0, record: caseRecord(caseId), append: [] });
      expect((await store.load(caseId)).record?.flowVersion).toBe('flow-1');
      await fixture.peer.erase(caseId);
      const again = caseRecord(caseId, { flowVersion: 'flow-again', locale: 'en' });
      await fixture.peer.commit({ caseId, expectedVersion: 0, record: again, append: [] });
      expect(await store.load(caseId)).toEqual({ record: again, version: 1, duplicate: false });
    });

    it('commit on a stale version – conflict, record and transcript unchanged', async () => {
      await store.commit({ caseId, expectedVersion: 0, record: caseRecord(caseId), append: [entry('first')] });
      const stale = await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId, { status: 'escalated' }),
        append: [entry('lost')],
        activityId: 'act-stale',
        agreement: agreement(caseId, 'AGR-X'),
      });
      expect(stale).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.load(caseId, 'act-stale')).toEqual({
        record: caseRecord(caseId),
        version: 1,
        duplicate: false,
      });
      expect(await store.transcript(caseId)).toEqual([entry('first')]);
      expect(await store.agreement(caseId)).toBeUndefined();
    });

    it('two instances commit on the same version at once – exactly one wins, only its entries kept', async () => {
      const results = await Promise.all(
        [fixture.store, fixture.peer, fixture.store, fixture.peer].map((handle, i) =>
          handle.commit({
            caseId,
            expectedVersion: 0,
            record: caseRecord(caseId, { flowVersion: `racer-${i}` }),
            append: [entry(`racer-${i}`)],
          }),
        ),
      );
      const winners = results.flatMap((result, i) => (result.ok ? [i] : []));
      expect(winners).toHaveLength(1);
      const loaded = await fixture.peer.load(caseId);
      expect(loaded.version).toBe(1);
      expect(loaded.record?.flowVersion).toBe(`racer-${winners[0]}`);
      expect(await store.transcript(caseId)).toEqual([entry(`racer-${winners[0]}`)]);
    });

    it('three turns – transcript in append order, earlier entries never change', async () => {
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId),
        append: [entry('1'), entry('2', 'bot')],
      });
      const afterFirst = await store.transcript(caseId);
      await store.commit({ caseId, expectedVersion: 1, record: caseRecord(caseId), append: [] });
      await store.commit({
        caseId,
        expectedVersion: 2,
        record: caseRecord(caseId, { status: 'escalated' }),
        append: [entry('3'), entry('4', 'system')],
      });
      const transcript = await store.transcript(caseId);
      expect(transcript.map((e) => e.text)).toEqual(['1', '2', '3', '4']);
      expect(transcript.slice(0, 2)).toEqual(afterFirst);
      expect((await store.load(caseId)).version).toBe(3);
    });

    it('an agreement, its cancellation, then another – both agreements kept unchanged, the newest returned, the cancellation listed', async () => {
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId, { status: 'agreed', agreementRef: 'AGR-1' }),
        append: [],
        agreement: agreement(caseId, 'AGR-1'),
      });
      expect(await store.cancellations(caseId)).toEqual([]);
      const cancellation = {
        reference: 'AGR-1',
        caseId,
        cancelledAt: '2026-11-24T10:00:00.000Z',
        by: 'borrower' as const,
      };
      await store.commit({ caseId, expectedVersion: 1, record: caseRecord(caseId), append: [], cancellation });
      expect(await store.agreement(caseId)).toEqual(agreement(caseId, 'AGR-1'));
      await store.commit({
        caseId,
        expectedVersion: 2,
        record: caseRecord(caseId, { status: 'agreed', agreementRef: 'AGR-2' }),
        append: [],
        agreement: agreement(caseId, 'AGR-2'),
      });
      expect(await store.agreement(caseId)).toEqual(agreement(caseId, 'AGR-2'));
      expect(await store.cancellations(caseId)).toEqual([cancellation]);
      await store.erase(caseId);
      expect(await store.agreement(caseId)).toBeUndefined();
      expect(await store.cancellations(caseId)).toEqual([]);
    });

    it('an activity id – not a duplicate before its commit, a duplicate after, only for its case', async () => {
      expect((await store.load(caseId, 'act-1')).duplicate).toBe(false);
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId),
        append: [entry('x')],
        activityId: 'act-1',
      });
      expect((await store.load(caseId, 'act-1')).duplicate).toBe(true);
      expect((await fixture.peer.load(caseId, 'act-1')).duplicate).toBe(true);
      expect((await store.load(caseId, 'act-2')).duplicate).toBe(false);
      expect((await store.load(caseId)).duplicate).toBe(false);
      expect((await store.load(`${caseId}-other`, 'act-1')).duplicate).toBe(false);
    });

    it('erase – record, transcript, agreement and seen ids gone; other cases untouched', async () => {
      const otherId = `${caseId}-other`;
      await store.commit({ caseId: otherId, expectedVersion: 0, record: caseRecord(otherId), append: [entry('keep')] });
      await store.commit({
        caseId,
        expectedVersion: 0,
        record: caseRecord(caseId, { status: 'agreed' }),
        append: [entry('gone')],
        activityId: 'act-1',
        agreement: agreement(caseId, 'AGR-1'),
      });
      await store.erase(caseId);
      expect(await store.load(caseId, 'act-1')).toEqual({ record: undefined, version: 0, duplicate: false });
      expect(await store.transcript(caseId)).toEqual([]);
      expect(await store.agreement(caseId)).toBeUndefined();
      expect(await store.transcript(otherId)).toEqual([entry('keep')]);
      expect((await store.commit({ caseId, expectedVersion: 0, record: caseRecord(caseId), append: [] })).ok).toBe(
        true,
      );
    });

    it('a case committed as waiting for a person – marked (every instance sees it); a stale unmark keeps it, a current one drops it', async () => {
      const handoff = { reason: 'humanRequested' as const, priority: 'normal' as const, queuedAt: AT };
      await store.commit({ caseId, expectedVersion: 0, record: caseRecord(caseId), append: [] });
      expect((await fixture.peer.waitingMarks()).map((m) => m.caseId)).not.toContain(caseId);
      await store.commit({
        caseId,
        expectedVersion: 1,
        record: caseRecord(caseId, { status: 'escalated', handoff }),
        append: [],
      });
      const mark = (await fixture.peer.waitingMarks()).find((m) => m.caseId === caseId);
      expect(mark).toBeDefined();
      await store.unmarkWaiting([{ caseId, markedAt: mark!.markedAt - 1 }]);
      expect((await store.waitingMarks()).map((m) => m.caseId)).toContain(caseId);
      await fixture.peer.unmarkWaiting([mark!]);
      expect((await store.waitingMarks()).map((m) => m.caseId)).not.toContain(caseId);
    });

    it(`${MAX_TRANSCRIPT_COMMITS + 3} commits to one case – the case is saved each time, the transcript keeps the first ${MAX_TRANSCRIPT_COMMITS}`, async () => {
      for (let version = 0; version < MAX_TRANSCRIPT_COMMITS + 3; version++)
        await store.commit({
          caseId,
          expectedVersion: version,
          record: caseRecord(caseId),
          append: [entry(`turn ${version}`)],
        });
      expect((await store.load(caseId)).version).toBe(MAX_TRANSCRIPT_COMMITS + 3);
      const transcript = await store.transcript(caseId);
      expect(transcript).toHaveLength(MAX_TRANSCRIPT_COMMITS);
      expect(transcript.at(-1)?.text).toBe(`turn ${MAX_TRANSCRIPT_COMMITS - 1}`);
    });
  });
}

function queued(caseId: string, priority: QueuedHandoff['priority'], queuedAt: string): QueuedHandoff {
  return { caseId, reason: 'humanRequested', priority, queuedAt };
}

export function describeHandoffQueueContract(name: string, open: () => Promise<HandoffQueueFixture>): void {
  describe(`${name} – HandoffQueue contract`, () => {
    let fixture: HandoffQueueFixture;
    beforeEach(async () => {
      fixture = await open();
    });
    afterEach(() => fixture.close());

    it('cases of mixed priority and age – urgent, high, normal, each longest waiting first', async () => {
      const { queue } = fixture;
      await queue.enqueue(queued('n-old', 'normal', '2025-03-01T08:00:00.000Z'));
      await queue.enqueue(queued('h-new', 'high', '2025-03-01T09:30:00.000Z'));
      await queue.enqueue(queued('u-new', 'urgent', '2025-03-01T10:00:00.000Z'));
      await queue.enqueue(queued('h-old', 'high', '2025-03-01T09:00:00.000Z'));
      await queue.enqueue(queued('n-new', 'normal', '2025-03-01T11:00:00.000Z'));
      expect((await fixture.peer.list()).map((e) => e.caseId)).toEqual(['u-new', 'h-old', 'h-new', 'n-old', 'n-new']);
      expect((await queue.list())[0]).toEqual(queued('u-new', 'urgent', '2025-03-01T10:00:00.000Z'));
    });

    it('the same case queued twice – one entry, keeping its first place and reason', async () => {
      const { queue } = fixture;
      await queue.enqueue(queued('a', 'normal', '2025-03-01T08:00:00.000Z'));
      await queue.enqueue(queued('b', 'normal', '2025-03-01T09:00:00.000Z'));
      await fixture.peer.enqueue({ ...queued('a', 'urgent', '2025-03-01T10:00:00.000Z'), reason: 'dispute' });
      expect(await queue.list()).toEqual([
        queued('a', 'normal', '2025-03-01T08:00:00.000Z'),
        queued('b', 'normal', '2025-03-01T09:00:00.000Z'),
      ]);
    });

    it('two agents claim one case at once – exactly one gets it, the case leaves the queue', async () => {
      await fixture.queue.enqueue(queued('a', 'high', AT));
      const claims = await Promise.all([
        fixture.queue.claim('a'),
        fixture.peer.claim('a'),
        fixture.queue.claim('a'),
        fixture.peer.claim('a'),
      ]);
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await fixture.queue.list()).toEqual([]);
    });

    it('claim of a case not queued – false; remove – gone, and removing again is harmless', async () => {
      const { queue } = fixture;
      expect(await queue.claim('nobody')).toBe(false);
      await queue.enqueue(queued('a', 'normal', AT));
      await queue.remove('a');
      await queue.remove('a');
      expect(await queue.list()).toEqual([]);
    });
  });
}
