// Whether an account's self-service is locked after failed identity checks: a pure reading of the failure times.
import { createHash } from 'node:crypto';

/** From dialogs/offer-policy.yaml `conversation.identity.accountLock`. */
export interface AccountLockPolicy {
  /** Failures within the window, across all conversations, that lock the account. */
  maxFailures: number;
  windowHours: number;
  /** The first lock; it doubles with each further failure (attempts while locked count), up to the window. */
  lockMinutes: number;
}

export interface IdentityLock {
  locked: boolean;
  /** When the lock ends (ms since the epoch); undefined when not locked. */
  untilMs?: number;
}

export function windowMsOf(policy: AccountLockPolicy): number {
  return policy.windowHours * 3_600_000;
}

/** `identityLock({ maxFailures: 5, windowHours: 24, lockMinutes: 60 }, fiveFailures, now)` → locked for an hour after the fifth. */
export function identityLock(policy: AccountLockPolicy, failures: readonly number[], nowMs: number): IdentityLock {
  if (failures.length < policy.maxFailures) return { locked: false };
  const newest = Math.max(...failures);
  const delayMs = Math.min(
    policy.lockMinutes * 60_000 * 2 ** (failures.length - policy.maxFailures),
    windowMsOf(policy),
  );
  const untilMs = newest + delayMs;
  return nowMs < untilMs ? { locked: true, untilMs } : { locked: false };
}

/** The key failures are counted under for an account found: its reference, hashed (phone and reference share it). */
export function accountIdentityKey(accountRef: string): string {
  return hashKey(`account:${accountRef.toUpperCase()}`);
}

/** The key for a reference or phone number that matched no account: counted like a real one, so the answer is the same. */
export function claimedIdentityKey(claim: { accountRef?: string; phone?: string }): string {
  return hashKey(
    claim.accountRef
      ? `account:${claim.accountRef.toUpperCase()}`
      : `phone:${(claim.phone ?? '').replace(/[^0-9]/g, '').slice(-10)}`,
  );
}

function hashKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
