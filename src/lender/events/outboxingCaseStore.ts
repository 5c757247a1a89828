// Every case commit carries the lender events its transcript events cause, and wakes the dispatcher once committed.
import type { CaseCommit, CaseStore } from '../../store/caseStore.js';
import { delegateTo } from '../../store/delegatingCaseStore.js';
import type { Outbox } from '../../store/outbox.js';
import type { ContactLog } from '../../store/contactLog.js';
import type { CaseRecord } from '../../domain/case.js';
import type { LenderEvent } from '../../domain/lenderEvent.js';
import { eventsOfCommit } from './eventsOfCommit.js';

/** If the process dies between the commit and its wake-up, this later wake-up (written first) still finds the events. */
const SAFETY_NET_MS = 30_000;

export interface OutboxingOptions {
  outbox: Outbox;
  /** Learns the case each account talks in (payments are recorded with it) and opt-outs (outreach honours them). */
  contacts?: ContactLog;
  clock: () => Date;
  /** Called after a commit that wrote events (the local dispatcher looks at once). */
  committed?: () => void;
}

/**
 * Wraps a case store so that `commit` adds `eventsOfCommit(commit)` to `commit.outbox` (with any events the caller
 * put there itself, e.g. payment.recorded) — one place for every writer: the bot's turns, the desk, the lender API.
 */
export function outboxingCaseStore(store: CaseStore, options: OutboxingOptions): CaseStore {
  const linked = new Set<string>();
  /** After the commit (not atomic with it): the account's current case, and an opt-out. */
  const remember = async (record: CaseRecord, events: readonly LenderEvent[]) => {
    const ref = record.accountRef;
    if (!ref || !options.contacts) return;
    if (!linked.has(`${ref}|${record.caseId}`)) {
      await options.contacts.linkCase(ref, record.caseId);
      linked.add(`${ref}|${record.caseId}`);
      if (linked.size > 10_000) linked.clear();
    }
    const optedOut = events.find((event) => event.type === 'contact.opted_out');
    if (optedOut) await options.contacts.optOut(ref, optedOut.at);
  };
  return {
    ...delegateTo(store),
    async commit(commit: CaseCommit) {
      const outbox = [...(commit.outbox ?? []), ...eventsOfCommit(commit)];
      if (outbox.length === 0) {
        const result = await store.commit(commit);
        if (result.ok) await remember(commit.record, []);
        return result;
      }
      const nowMs = options.clock().getTime();
      await options.outbox.wake(commit.caseId, nowMs + SAFETY_NET_MS);
      const result = await store.commit({ ...commit, outbox });
      if (result.ok) {
        await options.outbox.wake(commit.caseId, nowMs);
        options.committed?.();
        await remember(commit.record, outbox);
      }
      return result;
    },
  };
}
