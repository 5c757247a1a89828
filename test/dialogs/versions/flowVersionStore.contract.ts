// The contract every FlowVersionStore passes, memory and Redis alike: files, notes, order, the current version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowVersionStore } from '../../../src/dialogs/versions/flowVersionStore.js';

export interface FlowVersionStoreFixture {
  store: FlowVersionStore;
  /** Another handle on the same data, as a second instance would have. */
  peer: FlowVersionStore;
  close(): Promise<void>;
}

const files = (text: string) => new Map([['prompts/zh-TW.yaml', text], ['offer-policy.yaml', 'maxOffersShown: 3\n']]);
const note = { name: '更溫和的開場', note: 'softer opening', by: 'po-chen', at: '2026-11-30T08:00:00.000Z', basedOn: 'aaaaaa000001' };

export function describeFlowVersionStoreContract(name: string, open: () => Promise<FlowVersionStoreFixture>): void {
  describe(`${name} – FlowVersionStore contract`, () => {
    let fixture: FlowVersionStoreFixture;
    beforeAll(async () => {
      fixture = await open();
    });
    afterAll(() => fixture.close());

    it('nothing saved – no versions, no current one', async () => {
      expect(await fixture.store.list()).toEqual([]);
      expect(await fixture.store.current()).toBeUndefined();
      expect(await fixture.store.load('aaaaaa000001')).toBeUndefined();
    });

    it('a deployed version and a published one – both listed newest first, the note only on the published one, files read back by a peer', async () => {
      await fixture.store.save('aaaaaa000001', files('a: "一"\n'), '2026-11-30T07:00:00.000Z');
      await fixture.store.save('bbbbbb000002', files('a: "二"\n'), '2026-11-30T08:00:00.000Z', note);
      expect(await fixture.peer.list()).toEqual([
        { version: 'bbbbbb000002', savedAt: '2026-11-30T08:00:00.000Z', published: note },
        { version: 'aaaaaa000001', savedAt: '2026-11-30T07:00:00.000Z' },
      ]);
      expect(await fixture.peer.load('bbbbbb000002')).toEqual(files('a: "二"\n'));
    });

    it('the same version saved again with another note and time – the first save and note stay', async () => {
      await fixture.store.save('bbbbbb000002', files('a: "二"\n'), '2026-12-01T00:00:00.000Z', { ...note, note: 'other' });
      expect((await fixture.peer.list())[0]).toEqual({ version: 'bbbbbb000002', savedAt: '2026-11-30T08:00:00.000Z', published: note });
    });

    it('the current version set on one instance – the peer reads it; set again – the last one wins', async () => {
      const first = { version: 'bbbbbb000002', deployed: 'aaaaaa000001', by: 'po-chen', at: '2026-11-30T08:00:00.000Z' };
      await fixture.store.setCurrent(first);
      expect(await fixture.peer.current()).toEqual(first);
      const back = { ...first, version: 'aaaaaa000001', at: '2026-11-30T09:00:00.000Z' };
      await fixture.peer.setCurrent(back);
      expect(await fixture.store.current()).toEqual(back);
    });
  });
}
