// The contract of the desk's and the channel's ports — case events, desk index, Direct Line store, flow metrics and
// the service clock — the same for memory and Redis; `peer` is a second instance on the same data.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEvents } from '../../src/handoff/caseEvents.js';
import type { DeskCase, DeskIndex } from '../../src/handoff/deskIndex.js';
import type { DirectLineStore } from '../../src/channels/directline/directLineStore.js';
import type { FlowMetrics } from '../../src/metrics/flowMetrics.js';
import type { ServiceClock } from '../../src/followup/serviceClock.js';

interface SharedPorts {
  events: CaseEvents;
  deskIndex: DeskIndex;
  directLine: DirectLineStore;
  flowMetrics: FlowMetrics;
  clock: ServiceClock;
}

export interface SharedPortsFixture extends SharedPorts {
  /** The memory kind has no second instance: its peer is itself. */
  peer: SharedPorts;
  close(): Promise<void>;
}

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

function deskCase(caseId: string, overrides: Partial<DeskCase> = {}): DeskCase {
  const at = '2026-11-30T05:00:00.000Z';
  return {
    caseId,
    status: 'escalated',
    locale: 'zh-CN',
    reason: 'humanRequested',
    priority: 'normal',
    queuedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Resolves with the first event for `caseId` the listener hears. */
function nextEventFor(events: CaseEvents, caseId: string): Promise<CaseEvent> {
  return new Promise((resolve) => {
    const stop = events.subscribe((event) => {
      if (event.caseId !== caseId) return;
      stop();
      resolve(event);
    });
  });
}

export function describeSharedPortsContract(name: string, open: () => Promise<SharedPortsFixture>): void {
  describe(`${name} – case events, desk index, Direct Line, flow metrics and clock contract`, () => {
    let f: SharedPortsFixture;
    beforeAll(async () => {
      f = await open();
      await Promise.all([f.events.ready(), f.peer.events.ready()]);
    });
    afterAll(() => f.close());

    it('a case event published on one instance reaches the listeners of the other, once; an unsubscribed one hears nothing', async () => {
      const caseId = unique('case');
      const heard: CaseEvent[] = [];
      const stopCounting = f.peer.events.subscribe((event) => {
        if (event.caseId === caseId) heard.push(event);
      });
      const silent: CaseEvent[] = [];
      f.peer.events.subscribe((event) => void silent.push(event))();
      const arrival = nextEventFor(f.peer.events, caseId);
      await f.events.publish({ type: 'case.claimed', caseId, agentId: 'agent-li', at: new Date().toISOString() });
      expect((await arrival).caseId).toBe(caseId);
      stopCounting();
      expect(heard).toHaveLength(1);
      expect(silent).toHaveLength(0);
    });

    it('the desk index keeps the latest summary of a case, lists it on the peer, and forgets it on removal', async () => {
      const caseId = unique('case');
      await f.deskIndex.put(deskCase(caseId));
      await f.deskIndex.put(deskCase(caseId, { status: 'agreed', reference: 'XS-20261130-ABCDEF' }));
      expect(await f.peer.deskIndex.get(caseId)).toMatchObject({ status: 'agreed', reference: 'XS-20261130-ABCDEF' });
      expect((await f.peer.deskIndex.list()).filter((summary) => summary.caseId === caseId)).toHaveLength(1);
      await f.deskIndex.remove(caseId);
      expect(await f.peer.deskIndex.get(caseId)).toBeUndefined();
      expect((await f.deskIndex.list()).some((summary) => summary.caseId === caseId)).toBe(false);
    });

    it('a Direct Line log: appended in order with ids from its position, read from a watermark on the peer', async () => {
      const conversationId = unique('dl');
      await f.directLine.saveConversation({ conversationId, userId: 'dl_user', createdAt: new Date().toISOString() });
      expect((await f.peer.directLine.conversation(conversationId))?.userId).toBe('dl_user');
      const first = await f.directLine.append(conversationId, { type: 'message', text: '你好' });
      await f.directLine.append(conversationId, { type: 'message', text: '在吗' });
      expect(first).toBe(`${conversationId}|0000000`);
      const all = await f.peer.directLine.since(conversationId, 0);
      expect(all.activities.map((activity) => activity.text)).toEqual(['你好', '在吗']);
      expect(all.watermark).toBe('2');
      expect((await f.directLine.since(conversationId, 1)).activities.map((activity) => activity.text)).toEqual([
        '在吗',
      ]);
    });

    it('an append wakes the listeners of the conversation on the peer (once its subscription is active)', async () => {
      const conversationId = unique('dl');
      let woken = 0;
      const stop = f.peer.directLine.subscribe(conversationId, () => void woken++);
      const appended = await eventually(
        async (attempt) => f.directLine.append(conversationId, { type: 'message', text: `ping ${attempt}` }),
        () => woken > 0,
      );
      stop();
      expect(woken).toBeGreaterThan(0);
      expect((await f.peer.directLine.since(conversationId, 0)).activities).toHaveLength(appended);
    });

    it('a client resend of one clientActivityID is appended once, on either instance; the start happens once', async () => {
      const conversationId = unique('dl');
      const sent = await f.directLine.appendOnce(conversationId, 'c1', { type: 'message', text: '三千' });
      const resent = await f.peer.directLine.appendOnce(conversationId, 'c1', { type: 'message', text: '三千' });
      expect(sent.fresh).toBe(true);
      expect(resent).toEqual({ id: sent.id, fresh: false });
      expect((await f.directLine.since(conversationId, 0)).activities).toHaveLength(1);
      expect(await f.directLine.markStarted(conversationId)).toBe(true);
      expect(await f.peer.directLine.markStarted(conversationId)).toBe(false);
    });

    it('an invitation binds to the first conversation only; a forgotten one moves once; erasure forgets the log', async () => {
      const invite = unique('inv');
      const [first, second, third] = [unique('dl'), unique('dl'), unique('dl')];
      expect(await f.directLine.claimInvite(invite, first, 60)).toBe(first);
      expect(await f.peer.directLine.claimInvite(invite, second, 60)).toBe(first);
      expect(await f.directLine.rebindInvite(invite, first, second, 60)).toBe(second);
      expect(await f.peer.directLine.rebindInvite(invite, first, third, 60)).toBe(second);
      await f.directLine.saveConversation({
        conversationId: second,
        userId: 'dl_u',
        createdAt: new Date().toISOString(),
      });
      await f.directLine.append(second, { type: 'message', text: '我的身份证后四位是1234' });
      await f.directLine.erase(second);
      expect(await f.peer.directLine.conversation(second)).toBeUndefined();
      expect((await f.peer.directLine.since(second, 0)).activities).toEqual([]);
    });

    it('flow metrics: counts of turns recorded on both instances add up per version and day range', async () => {
      const version = unique('v');
      const turn = { version, transitions: [{ from: 'a', to: 'b' }], shown: ['extension', 'freeze'], accepted: [] };
      await f.flowMetrics.record({ ...turn, day: '2026-11-29' });
      await f.peer.flowMetrics.record({
        ...turn,
        day: '2026-11-30',
        accepted: ['freeze'],
        outcomes: ['escalated:dispute'],
      });
      await Promise.all([f.flowMetrics.close(), f.peer.flowMetrics.close()]);
      expect(await f.flowMetrics.counts(version, '2026-11-29', '2026-11-30')).toEqual({
        transitions: { 'a>b': 2 },
        shown: { extension: 2, freeze: 2 },
        accepted: { freeze: 1 },
        outcomes: { 'escalated:dispute': 1 },
      });
      expect((await f.peer.flowMetrics.counts(version, '2026-11-30', '2026-11-30')).transitions).toEqual({ 'a>b': 1 });
    });

    it('the service clock moves forward for every instance and never back', async () => {
      const ahead = new Date(f.clock.now().getTime() + 90 * 86_400_000);
      await f.clock.moveTo(ahead);
      await eventually(
        async () => undefined,
        () => f.peer.clock.now().getTime() >= ahead.getTime(),
      );
      expect(f.peer.clock.now().getTime()).toBeGreaterThanOrEqual(ahead.getTime());
      await f.peer.clock.moveTo(new Date(ahead.getTime() - 30 * 86_400_000));
      expect(f.peer.clock.now().getTime()).toBeGreaterThanOrEqual(ahead.getTime());
    });
  });
}

/**
 * What reaches a peer through pub/sub arrives a little later: `step` until `done`, bounded by attempts (not by
 * time); answers how many steps it took.
 */
async function eventually(step: (attempt: number) => Promise<unknown>, done: () => boolean, attempts = 200) {
  let taken = 0;
  while (taken < attempts && !done()) {
    await step(taken++);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return taken;
}
