// Who may open a new conversation, answer an identity question or escalate: per client address (when known) and per channel user.
import { AsyncLocalStorage } from 'node:async_hooks';
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

/**
 * The bot asks `admitNewConversation` before it creates a case, and `admitIdentityAnswer` before it
 * checks an identity answer. The client address is known only while `/api/messages` runs an
 * unauthenticated request or the web chat delivers a posted activity in process (`fromClient`):
 * behind Bot Framework authentication every request comes from Azure's connector, so only the
 * channel user counts. An exempt caller (RATE_LIMIT_EXEMPT: a load test) is not counted per address.
 */
export class ConversationAdmission {
  private readonly caller = new AsyncLocalStorage<{ address: string; conversationCounted: boolean }>();

  constructor(private readonly limits: AdmissionLimits) {}

  /** Runs a turn for `address`; `conversationCounted` when its conversation was already counted (a web chat token). */
  fromClient<T>(address: string, run: () => Promise<T>, conversationCounted = false): Promise<T> {
    return this.caller.run({ address, conversationCounted }, run);
  }

  async admitNewConversation(activity: { channelId: string; from: { id: string } }): Promise<void> {
    const caller = this.caller.getStore();
    if (caller !== undefined && this.limits.exempt(caller.address)) return;
    if (caller !== undefined && !caller.conversationCounted) await this.limits.perClient.consume(caller.address);
    await this.limits.perUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** Before an identity answer is checked: per client address when known (not exempt), always per channel user. */
  async admitIdentityAnswer(activity: { channelId: string; from: { id: string } }): Promise<void> {
    const caller = this.caller.getStore();
    if (caller !== undefined && !this.limits.exempt(caller.address))
      await this.limits.identityPerClient.consume(caller.address);
    await this.limits.identityPerUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** Before a turn that escalates is saved: per client address when known, and per channel user, unless exempt. */
  async admitEscalation(activity: { channelId: string; from: { id: string } }): Promise<void> {
    const caller = this.caller.getStore();
    if (caller !== undefined && this.limits.exempt(caller.address)) return;
    if (caller !== undefined) await this.limits.escalationsPerClient.consume(caller.address);
    await this.limits.escalationsPerUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** A new web chat conversation (Direct Line tokens/generate). */
  async admitClient(address: string): Promise<void> {
    if (!this.limits.exempt(address)) await this.limits.perClient.consume(address);
  }
}
