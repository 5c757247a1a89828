// The account directory port: the lender's accounts, found by reference, registered phone number or channel user id.
import type { Account } from '../domain/account.js';

/** Whether an upsert created the account or replaced it. */
export type Upserted = 'created' | 'updated';

/**
 * Implemented in memory/memoryAccountDirectory.ts and redis/redisAccountDirectory.ts, built by openStores.
 * Every look-up is one round trip; an upsert is seen by the next look-up on every instance.
 */
export interface AccountDirectory {
  byReference(accountRef: string): Promise<Account | undefined>;
  /** By reference (case-insensitive) or by phone number (its last 10 digits). */
  find(query: { accountRef?: string; phone?: string }): Promise<Account | undefined>;
  /** `channelUserId` is `<channelId>:<from.id>`, as the lender registered it or an invitation bound it. */
  findByChannelUser(channelUserId: string): Promise<Account | undefined>;
  /** Creates or replaces accounts, each with its indexes, atomically per account. */
  upsert(accounts: readonly Account[]): Promise<Upserted[]>;
  /** False when there was no such account. */
  remove(accountRef: string): Promise<boolean>;
  count(): Promise<number>;
  /** Registers a web chat user opened from an invitation, in this process (each instance learns it from the conversation). */
  bindChannelUser(channelUserId: string, accountRef: string): void;
}

/** Compares phone numbers by their last 10 digits, so +86 138… and 138… match. */
export function phoneKey(phone: string): string {
  return phone.replace(/[^0-9]/g, '').slice(-10);
}

/** Account references are compared upper-case. */
export const refKey = (accountRef: string): string => accountRef.toUpperCase();

const MAX_BOUND_USERS = 50_000;

/** Bindings made at run time (invitations), most recent last; bounded, since a binding only matters when a case starts. */
export class ChannelBindings {
  private readonly bound = new Map<string, string>();

  bind(channelUserId: string, accountRef: string): void {
    this.bound.delete(channelUserId);
    this.bound.set(channelUserId, refKey(accountRef));
    if (this.bound.size > MAX_BOUND_USERS) this.bound.delete(this.bound.keys().next().value!);
  }

  refOf(channelUserId: string): string | undefined {
    return this.bound.get(channelUserId);
  }
}
