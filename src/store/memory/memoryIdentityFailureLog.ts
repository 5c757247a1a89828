// Failed identity checks per account in this process's memory (the embedded default).
import type { IdentityFailureLog, IdentityFailures } from '../identityFailureLog.js';

export class MemoryIdentityFailureLog implements IdentityFailureLog {
  /** account key → attempt id → failure time (ms); pruned to the window on every call. */
  private readonly byAccount = new Map<string, Map<string, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  async record(accountKey: string, attemptId: string, windowMs: number): Promise<IdentityFailures> {
    const nowMs = this.now();
    const attempts = this.byAccount.get(accountKey) ?? new Map<string, number>();
    if (!attempts.has(attemptId)) attempts.set(attemptId, nowMs);
    this.byAccount.set(accountKey, attempts);
    return this.within(accountKey, windowMs, nowMs);
  }

  async recent(accountKey: string, windowMs: number): Promise<IdentityFailures> {
    return this.within(accountKey, windowMs, this.now());
  }

  private within(accountKey: string, windowMs: number, nowMs: number): IdentityFailures {
    const attempts = this.byAccount.get(accountKey);
    if (!attempts) return { failures: [], nowMs };
    for (const [id, at] of attempts) if (at <= nowMs - windowMs) attempts.delete(id);
    if (attempts.size === 0) this.byAccount.delete(accountKey);
    return { failures: [...attempts.values()].sort((a, b) => a - b), nowMs };
  }
}
