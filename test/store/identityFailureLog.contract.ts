// The contract every IdentityFailureLog passes, memory and Redis alike.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentityFailureLog } from '../../src/store/identityFailureLog.js';

export interface IdentityFailureLogFixture {
  log: IdentityFailureLog;
  /** Another handle on the same data, as a second instance would have. */
  peer: IdentityFailureLog;
  close(): Promise<void>;
}

const DAY_MS = 24 * 3_600_000;

export function describeIdentityFailureLogContract(name: string, open: () => Promise<IdentityFailureLogFixture>): void {
  describe(`${name} – IdentityFailureLog contract`, () => {
    let fixture: IdentityFailureLogFixture;
    beforeAll(async () => {
      fixture = await open();
    });
    afterAll(() => fixture.close());

    it('an account never failed – no failures', async () => {
      expect((await fixture.log.recent(`acct-${randomUUID()}`, DAY_MS)).failures).toEqual([]);
    });

    it('failures from two conversations on two instances – both counted, oldest first, in the store clock', async () => {
      const key = `acct-${randomUUID()}`;
      await fixture.log.record(key, 'conv-a|1', DAY_MS);
      const after = await fixture.peer.record(key, 'conv-b|1', DAY_MS);
      expect(after.failures).toHaveLength(2);
      expect(after.failures[0]!).toBeLessThanOrEqual(after.failures[1]!);
      // Both times come from the store's clock: neither failure lies after the store's own now.
      expect(after.failures[1]!).toBeLessThanOrEqual(after.nowMs);
      expect((await fixture.log.recent(key, DAY_MS)).failures).toHaveLength(2);
    });

    it('the same attempt recorded twice (a replayed turn) – counted once', async () => {
      const key = `acct-${randomUUID()}`;
      await fixture.log.record(key, 'conv-a|7', DAY_MS);
      expect((await fixture.peer.record(key, 'conv-a|7', DAY_MS)).failures).toHaveLength(1);
    });

    it('failures older than the window – forgotten', async () => {
      const key = `acct-${randomUUID()}`;
      await fixture.log.record(key, 'old', 1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await fixture.log.recent(key, 1)).failures).toEqual([]);
    });
  });
}
