// The port that counts failed identity checks per account across conversations and instances.

/** Failure times within the window and the store's clock, so every instance judges a lock by the same time. */
export interface IdentityFailures {
  /** Failure times in ms since the epoch, oldest first. */
  failures: number[];
  nowMs: number;
}

/**
 * Failed identity checks keyed by account (or by the reference a borrower claimed, found or not),
 * remembered for a sliding window. `record` is idempotent per `attemptId`, so a replayed turn
 * (a compare-and-set conflict, a channel's redelivery) never counts one failure twice.
 */
export interface IdentityFailureLog {
  record(accountKey: string, attemptId: string, windowMs: number): Promise<IdentityFailures>;
  recent(accountKey: string, windowMs: number): Promise<IdentityFailures>;
}
