// The per-account identity lock around a turn: answers for a locked account are refused, failures are counted across conversations.
import type { NegotiationContext } from '../../machines/context.js';
import { identityLock, windowMsOf, type AccountLockPolicy } from '../domain/identityLock.js';
import type { IdentityFailureLog } from '../store/identityFailureLog.js';

/** Who sent an activity, and in which conversation. */
interface ChannelUserActivity {
  channelId: string;
  from: { id: string };
  conversation: { id: string };
}

export interface IdentityGateDeps {
  identityFailures: IdentityFailureLog;
  /** Counts an identity answer against the rate limits (per channel user, per client address); throws RateLimitedError (429) past them. */
  admitIdentityAnswer: (activity: ChannelUserActivity) => Promise<void>;
}

/** The account key a message answers an identity question for; undefined when the bot is not asking one. */
export function identityAnswerKey(previous: NegotiationContext | undefined): string | undefined {
  const expects = previous?.lastAsk?.expects;
  return expects === 'idLast4' || expects === 'date' ? previous?.identityKey : undefined;
}

/** Before the step: counts the answer against the rate limits (429 past it); true when the account is locked. */
export async function isLockedBeforeAnswer(
  deps: IdentityGateDeps,
  input: { key: string; activity: ChannelUserActivity; policy: AccountLockPolicy },
): Promise<boolean> {
  await deps.admitIdentityAnswer(input.activity);
  const recent = await deps.identityFailures.recent(input.key, windowMsOf(input.policy));
  return identityLock(input.policy, recent.failures, recent.nowMs).locked;
}

/**
 * After a step that failed the check, or refused an answer because of the lock (so the lock grows):
 * records the failure once per attempt id; true when the account is locked now.
 */
export async function lockedByFailure(
  deps: IdentityGateDeps,
  input: { key: string; attemptId: string; policy: AccountLockPolicy },
): Promise<boolean> {
  const after = await deps.identityFailures.record(input.key, input.attemptId, windowMsOf(input.policy));
  return identityLock(input.policy, after.failures, after.nowMs).locked;
}
