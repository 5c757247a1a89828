// The contract every ExperimentStore passes, memory and Redis alike: one running at a time, stop, list, read by a peer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment, ExperimentStore } from '../../../src/dialogs/versions/experimentStore.js';

export interface ExperimentStoreFixture {
  store: ExperimentStore;
  /** Another handle on the same data, as a second instance would have. */
  peer: ExperimentStore;
  close(): Promise<void>;
}

const experiment = (id: string, startedAt: string): Experiment => ({
  id,
  control: 'aaaaaa000001',
  candidate: 'bbbbbb000002',
  candidatePercent: 50,
  seed: `seed-${id}`,
  startedAt,
  startedBy: 'po-chen',
});

export function describeExperimentStoreContract(name: string, open: () => Promise<ExperimentStoreFixture>): void {
  describe(`${name} – ExperimentStore contract`, () => {
    let fixture: ExperimentStoreFixture;
    beforeAll(async () => {
      fixture = await open();
    });
    afterAll(() => fixture.close());

    it('nothing started – none running, none listed', async () => {
      expect(await fixture.store.running()).toBeUndefined();
      expect(await fixture.store.list()).toEqual([]);
    });

    it('one started – the peer reads it as running; a second start on the peer is refused', async () => {
      const first = experiment('0000000a', '2026-11-30T08:00:00.000Z');
      expect(await fixture.store.start(first)).toBe(true);
      expect(await fixture.peer.running()).toEqual(first);
      expect(await fixture.peer.start(experiment('0000000b', '2026-11-30T08:01:00.000Z'))).toBe(false);
      expect(await fixture.peer.list()).toEqual([first]);
    });

    it('stopped on the peer – none running, kept with who and when; stopping it again is refused', async () => {
      const stopped = await fixture.peer.stop('0000000a', '2026-11-30T09:00:00.000Z', 'po-wang');
      expect(stopped).toMatchObject({ id: '0000000a', stoppedAt: '2026-11-30T09:00:00.000Z', stoppedBy: 'po-wang' });
      expect(await fixture.store.running()).toBeUndefined();
      expect(await fixture.store.get('0000000a')).toEqual(stopped);
      expect(await fixture.store.stop('0000000a', '2026-11-30T10:00:00.000Z', 'po-chen')).toBeUndefined();
      expect(await fixture.store.stop('0000ffff', '2026-11-30T10:00:00.000Z', 'po-chen')).toBeUndefined();
    });

    it('a next one after the stop – starts; both listed newest first', async () => {
      const next = experiment('0000000c', '2026-11-30T10:00:00.000Z');
      expect(await fixture.peer.start(next)).toBe(true);
      expect((await fixture.store.list()).map((e) => [e.id, e.stoppedAt])).toEqual([
        ['0000000c', undefined],
        ['0000000a', '2026-11-30T09:00:00.000Z'],
      ]);
      expect((await fixture.store.running())?.id).toBe('0000000c');
    });
  });
}
