// Who may open a new conversation, answer an identity question or escalate: per client address (when known) and per channel user.
import type { NamedLimit } from '../../store/rateLimits.js';

export interface AdmissionLimits {
  perClient: NamedLimit;
  perUser: NamedLimit;
  /** Identity answers (IDENTITY_ATTEMPTS_PER_MINUTE), across conversations. */
  identityPerClient: NamedLimit;
  identityPerUser: NamedLimit;
  /** Escalations to the agent queue (RATE_LIMIT_ESCALATIONS_PER_CLIENT), per address and per channel user. */
  escalationsPerClient: NamedLimit;
  escalationsPerUser: NamedLimit;
  /** True for addresses exempt from per-client limits (RATE_LIMIT_EXEMPT). */
  exempt(address: string): boolean;
}

/** What admission needs of an activity: its channel user and the conversation it belongs to. */
export interface AdmittedActivity {
  channelId: string;
  from: { id: string };
  conversation: { id: string };
}

interface Caller {
  address: string;
  conversationCounted: boolean;
}

/**
 * The bot asks `admitNewConversation` before it creates a case, and `admitIdentityAnswer` before it
 * checks an identity answer. The client address is known only while `/api/messages` runs an
 * unauthenticated request or the web chat delivers a posted activity in process (`fromClient`):
 * behind Bot Framework authentication every request comes from Azure's connector, so only the
 * channel user counts. An exempt caller (RATE_LIMIT_EXEMPT: a load test) is not counted per address.
 *
 * The caller is looked up by the activity's conversation while its turn runs (not AsyncLocalStorage: on Node 20 that
 * turns on promise hooks for every promise of the process, a cost on every await of every turn).
 */
export class ConversationAdmission {
  /** Callers of turns running now, by channel and conversation (the latest last, for overlapping deliveries). */
  private readonly callers = new Map<string, Caller[]>();

  constructor(private readonly limits: AdmissionLimits) {}

  /**
   * Runs a turn of `conversation` for `address`; `conversationCounted` when its conversation was already counted (a
   * web chat token).
   */
  async fromClient<T>(
    address: string,
    conversation: { channelId: string; conversationId: string },
    run: () => Promise<T>,
    conversationCounted = false,
  ): Promise<T> {
    const key = callerKey(conversation.channelId, conversation.conversationId);
    const caller: Caller = { address, conversationCounted };
    const running = this.callers.get(key);
    if (running) running.push(caller);
    else this.callers.set(key, [caller]);
    try {
      return await run();
    } finally {
      const now = this.callers.get(key) ?? [];
      now.splice(now.indexOf(caller), 1);
      if (now.length === 0) this.callers.delete(key);
    }
  }

  async admitNewConversation(activity: AdmittedActivity): Promise<void> {
    const caller = this.callerOf(activity);
    if (caller !== undefined && this.limits.exempt(caller.address)) return;
    if (caller !== undefined && !caller.conversationCounted) await this.limits.perClient.consume(caller.address);
    await this.limits.perUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** Before an identity answer is checked: per client address when known (not exempt), always per channel user. */
  async admitIdentityAnswer(activity: AdmittedActivity): Promise<void> {
    const caller = this.callerOf(activity);
    if (caller !== undefined && !this.limits.exempt(caller.address))
      await this.limits.identityPerClient.consume(caller.address);
    await this.limits.identityPerUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** Before a turn that escalates is saved: per client address when known, and per channel user, unless exempt. */
  async admitEscalation(activity: AdmittedActivity): Promise<void> {
    const caller = this.callerOf(activity);
    if (caller !== undefined && this.limits.exempt(caller.address)) return;
    if (caller !== undefined) await this.limits.escalationsPerClient.consume(caller.address);
    await this.limits.escalationsPerUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  private callerOf(activity: AdmittedActivity): Caller | undefined {
    return this.callers.get(callerKey(activity.channelId, activity.conversation.id))?.at(-1);
  }

  /** A new web chat conversation (Direct Line tokens/generate). */
  async admitClient(address: string): Promise<void> {
    if (!this.limits.exempt(address)) await this.limits.perClient.consume(address);
  }
}

const callerKey = (channelId: string, conversationId: string) => `${channelId}\n${conversationId}`;
