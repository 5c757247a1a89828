// The account directory in this process's memory (the embedded default; the demo seed in development).
import type { Account } from '../../domain/account.js';
import { ChannelBindings, phoneKey, refKey, type AccountDirectory, type Upserted } from '../accountDirectory.js';

export class MemoryAccountDirectory implements AccountDirectory {
  private readonly byRef = new Map<string, Account>();
  private readonly byPhone = new Map<string, string>();
  private readonly byChannelUser = new Map<string, string>();
  private readonly bindings = new ChannelBindings();

  async byReference(accountRef: string): Promise<Account | undefined> {
    return this.copy(this.byRef.get(refKey(accountRef)));
  }

  async find(query: { accountRef?: string; phone?: string }): Promise<Account | undefined> {
    if (query.accountRef) return this.byReference(query.accountRef);
    const ref = query.phone ? this.byPhone.get(phoneKey(query.phone)) : undefined;
    return ref ? this.byReference(ref) : undefined;
  }

  async findByChannelUser(channelUserId: string): Promise<Account | undefined> {
    const ref = this.byChannelUser.get(channelUserId) ?? this.bindings.refOf(channelUserId);
    return ref ? this.byReference(ref) : undefined;
  }

  async upsert(accounts: readonly Account[]): Promise<Upserted[]> {
    return accounts.map((account) => {
      const ref = refKey(account.accountRef);
      const existed = this.unindex(ref);
      this.byRef.set(ref, structuredClone(account));
      this.byPhone.set(phoneKey(account.borrower.phone), ref);
      for (const id of account.channelUserIds) this.byChannelUser.set(id, ref);
      return existed ? 'updated' : 'created';
    });
  }

  async remove(accountRef: string): Promise<boolean> {
    const ref = refKey(accountRef);
    const existed = this.unindex(ref);
    this.byRef.delete(ref);
    return existed;
  }

  async count(): Promise<number> {
    return this.byRef.size;
  }

  bindChannelUser(channelUserId: string, accountRef: string): void {
    this.bindings.bind(channelUserId, accountRef);
  }

  /** Drops the indexes of the stored account `ref` (only those still pointing at it); true when it existed. */
  private unindex(ref: string): boolean {
    const old = this.byRef.get(ref);
    if (!old) return false;
    const phone = phoneKey(old.borrower.phone);
    if (this.byPhone.get(phone) === ref) this.byPhone.delete(phone);
    for (const id of old.channelUserIds) if (this.byChannelUser.get(id) === ref) this.byChannelUser.delete(id);
    return true;
  }

  private copy(account: Account | undefined): Account | undefined {
    return account && structuredClone(account);
  }
}
