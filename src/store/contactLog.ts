// The contact log port: per account, the case it talks in, whether it opted out, and proactive attempts.
export interface ContactState {
  /** The case the borrower last talked in (payments are recorded with it). */
  caseId?: string;
  /** When the borrower said stop (退订, STOP): no proactive contact after it. */
  optedOutAt?: string;
  /** Proactive attempts (outreach) of the last 7 days. */
  attempts: Date[];
}

/** Implemented in memory/memoryContactLog.ts and redis/redisContactLog.ts; each call is one round trip. */
export interface ContactLog {
  state(accountRef: string): Promise<ContactState>;
  linkCase(accountRef: string, caseId: string): Promise<void>;
  optOut(accountRef: string, at: string): Promise<void>;
  recordAttempt(accountRef: string, attemptId: string, at: Date): Promise<void>;
}

export const ATTEMPTS_KEPT_MS = 7 * 24 * 3600_000;
