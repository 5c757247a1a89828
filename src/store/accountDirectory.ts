// The creditor's accounts, found by reference, registered phone number or channel user id.
import type { Account } from '../domain/account.js';

export class AccountDirectory {
  private readonly byRef = new Map<string, Account>();
  private readonly byPhone = new Map<string, Account>();
  private readonly byChannelUser = new Map<string, Account>();

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
    return this.byChannelUser.get(channelUserId);
  }

  /** Registers a channel user for an account (a web chat opened from an invitation); false for an unknown account. */
  bindChannelUser(channelUserId: string, accountRef: string): boolean {
    const account = this.byReference(accountRef);
    if (account) this.byChannelUser.set(channelUserId, account);
    return account !== undefined;
  }

  byReference(accountRef: string): Account | undefined {
    return this.byRef.get(accountRef.toUpperCase());
  }

  all(): Account[] {
    return [...this.byRef.values()];
  }
}

/** Compares phone numbers by their last 10 digits, so +86 138… and 138… match. */
function phoneKey(phone: string): string {
  return phone.replace(/[^0-9]/g, '').slice(-10);
}
