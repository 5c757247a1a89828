// The accounts a turn plans with: fetched from the directory before planning, so planning itself does no I/O.
import type { Account } from '../domain/account.js';
import type { AccountDirectory } from '../store/accountDirectory.js';

type Claim = { accountRef?: string; phone?: string };

/**
 * A synchronous view of the directory for one turn. A look-up it has not fetched answers undefined and is
 * remembered; `fetchMissing` then fetches those and the turn is planned again (only a turn where the borrower
 * typed a reference or a phone number plans twice).
 */
export class TurnAccounts {
  private readonly known = new Map<string, Account | undefined>();
  private readonly missing = new Map<string, () => Promise<Account | undefined>>();

  constructor(private readonly directory: AccountDirectory) {}

  /** The account's facts as the lender last sent them (a turn reads them fresh, not from the snapshot). */
  async prefetchCurrent(accountRef: string): Promise<void> {
    this.known.set(`ref:${accountRef.toUpperCase()}`, await this.directory.byReference(accountRef));
  }

  async prefetchChannelUser(channelUserId: string): Promise<void> {
    this.known.set(`user:${channelUserId}`, await this.directory.findByChannelUser(channelUserId));
  }

  /** The account the store's load already read from the directory this turn: no second look-up. */
  know(account: Account): void {
    this.known.set(`ref:${account.accountRef.toUpperCase()}`, account);
  }

  current(accountRef: string): Account | undefined {
    return this.known.get(`ref:${accountRef.toUpperCase()}`);
  }

  findByChannelUser(channelUserId: string): Account | undefined {
    return this.known.get(`user:${channelUserId}`);
  }

  find(claim: Claim): Account | undefined {
    const key = claim.accountRef ? `ref:${claim.accountRef.toUpperCase()}` : `phone:${claim.phone ?? ''}`;
    if (this.known.has(key)) return this.known.get(key);
    this.missing.set(key, () => this.directory.find(claim));
    return undefined;
  }

  /** Fetches what planning asked for and did not have; true when the turn should be planned again. */
  async fetchMissing(): Promise<boolean> {
    if (this.missing.size === 0) return false;
    for (const [key, fetch] of this.missing) this.known.set(key, await fetch());
    this.missing.clear();
    return true;
  }
}

/** The account a loaded snapshot holds (the store puts the directory's current one there), if any. */
export function accountInSnapshot(persisted: unknown): Account | undefined {
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  return (persisted as { context?: { account?: Account } }).context?.account;
}

/** A stored snapshot with the account's current facts in place of the ones copied when the case found it. */
export function withCurrentAccount(persisted: unknown, account: Account | undefined): unknown {
  if (!account || typeof persisted !== 'object' || persisted === null) return persisted;
  const snapshot = persisted as { context?: { account?: Account } };
  const held = snapshot.context?.account;
  if (held === account || held?.accountRef !== account.accountRef) return persisted;
  return { ...snapshot, context: { ...snapshot.context, account } };
}
