// Case snapshots are stored without the account (name, phone, ID suffix, birth date): only the record's accountRef,
// and the account is read from the account directory again when the case is loaded.
import { isDeepStrictEqual } from 'node:util';
import type { Account } from '../domain/account.js';
import type { CaseRecord } from '../domain/case.js';
import { delegateTo } from './delegatingCaseStore.js';
import type { CaseStore, LoadedCase } from './caseStore.js';
import { refKey } from './accountDirectory.js';

/** Where the account is read again; an account the directory no longer has leaves the context without one. */
export interface AccountSource {
  byReference(accountRef: string): Account | undefined | Promise<Account | undefined>;
}

type Snapshot = { context?: Record<string, unknown> } & Record<string, unknown>;
const isSnapshot = (value: unknown): value is Snapshot =>
  typeof value === 'object' && value !== null && typeof (value as Snapshot).context === 'object';

/** Wraps a store: every commit drops `context.account` from the snapshot, every load puts it back from `accounts`. */
export function accountFreeSnapshots(store: CaseStore, accounts: AccountSource): CaseStore {
  // The record each stored form was committed from: when the store below hands that form back and the account is
  // still the same, the load returns the committed record itself (its snapshot's actor may still be running).
  const committedFrom = new WeakMap<CaseRecord, CaseRecord>();
  return {
    ...delegateTo(store),
    async load(caseId, activityId) {
      const loaded = await store.load(caseId, activityId);
      if (!loaded.record) return loaded;
      const account = await currentAccount(loaded.record, accounts, loaded.account);
      const committed = committedFrom.get(loaded.record);
      if (committed && isDeepStrictEqual(accountOf(committed), account)) return { ...loaded, record: committed };
      return { ...loaded, record: withAccount(loaded.record, account) };
    },
    commit(commit) {
      const record = withoutAccount(commit.record);
      committedFrom.set(record, commit.record);
      return store.commit({ ...commit, record });
    },
  };
}

const accountOf = (record: CaseRecord): unknown =>
  isSnapshot(record.snapshot) ? record.snapshot.context?.account : undefined;

function withoutAccount(record: CaseRecord): CaseRecord {
  const snapshot = record.snapshot;
  if (!isSnapshot(snapshot) || snapshot.context?.account === undefined) return record;
  const { account, ...context } = snapshot.context;
  // The reference stays on the record: it is all a later load needs.
  const accountRef = record.accountRef ?? (account as Account).accountRef;
  return { ...record, accountRef, snapshot: { ...snapshot, context } };
}

/**
 * The account a loaded record's snapshot gets: always the directory's (also over one an older snapshot still holds),
 * the lender's current facts; undefined when the record has none or the directory no longer has it.
 */
async function currentAccount(
  record: CaseRecord,
  accounts: AccountSource,
  read: LoadedCase['account'],
): Promise<Account | undefined> {
  if (!isSnapshot(record.snapshot) || !record.accountRef) return undefined;
  // The store may have read it with the case (one round trip); else it is read here.
  const found =
    read && read.accountRef === refKey(record.accountRef)
      ? read.account
      : await accounts.byReference(record.accountRef);
  if (!found) return undefined;
  // An arrangement this case broke (二次协商) counts, committed with the case, until the lender's copy carries it.
  const broken = Math.max(found.brokenArrangements12m, record.plan?.brokenArrangements12m ?? 0);
  return broken === found.brokenArrangements12m ? found : { ...found, brokenArrangements12m: broken };
}

function withAccount(record: CaseRecord, account: Account | undefined): CaseRecord {
  const snapshot = record.snapshot;
  if (!account || !isSnapshot(snapshot)) return record;
  return { ...record, snapshot: { ...snapshot, context: { ...snapshot.context, account } } };
}
