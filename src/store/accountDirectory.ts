// The creditor's accounts, found by reference, registered phone number or channel user id.
import type { Account } from '../domain/account.js';

export class AccountDirectory {
  private readonly byRef = new Map<string, Account>();
  private readonly byPhone = new Map<string, Account>();
  private readonly byChannelUser = new Map<string, Account>();
  /** Bindings made at run time (invitations), most recent last; bounded, since a binding only matters when a case starts. */
  private readonly bound = new Map<string, Account>();

  constructor(accounts: readonly Account[]) {
    for (const account of accounts) {
      this.byRef.set(account.accountRef.toUpperCase(), account);
      this.byPhone.set(phoneKey(account.borrower.phone), account);
      for (const id of account.channelUserIds) this.byChannelUser.set(id, account);
    }
  }

  find(query: { accountRef?: string; phone?: string }): Account | undefined {
    if (query.accountRef) return this.byRef.get(query.accountRef.toUpperCase());
    if (query.phone) return this.byPhone.get(phoneKey(query.phone));
    return undefined;
  }

  /** `channelUserId` is `<channelId>:<from.id>`, as the creditor registered it. */
  findByChannelUser(channelUserId: string): Account | undefined {
    return this.byChannelUser.get(channelUserId) ?? this.bound.get(channelUserId);
  }

  /** Registers a channel user for an account (a web chat opened from an invitation); false for an unknown account. */
  bindChannelUser(channelUserId: string, accountRef: string): boolean {
    const account = this.byReference(accountRef);
    if (!account) return false;
    this.bound.delete(channelUserId);
    this.bound.set(channelUserId, account);
    if (this.bound.size > MAX_BOUND_USERS) this.bound.delete(this.bound.keys().next().value!);
    return true;
  }

  byReference(accountRef: string): Account | undefined {
    return this.byRef.get(accountRef.toUpperCase());
  }

  all(): Account[] {
    return [...this.byRef.values()];
  }
}

const MAX_BOUND_USERS = 50_000;

/** Compares phone numbers by their last 10 digits, so +86 138… and 138… match. */
function phoneKey(phone: string): string {
  return phone.replace(/[^0-9]/g, '').slice(-10);
}
