// Who may open a new conversation: per client address (web chat tokens, unauthenticated /api/messages) and per channel user.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NamedLimit } from './rateLimits.js';

export interface AdmissionLimits {
  perClient: NamedLimit;
  perUser: NamedLimit;
  /** True for addresses exempt from per-client limits (RATE_LIMIT_EXEMPT). */
  exempt(address: string): boolean;
}

/**
 * The bot asks `admitNewConversation` before it creates a case. The client address is known only
 * while `/api/messages` runs an unauthenticated request (`fromClient`): behind Bot Framework
 * authentication every request comes from Azure's connector, so only the channel user counts. An
 * exempt caller (RATE_LIMIT_EXEMPT: a load test) may open conversations for any number of users.
 */
export class ConversationAdmission {
  private readonly caller = new AsyncLocalStorage<string>();

  constructor(private readonly limits: AdmissionLimits) {}

  fromClient<T>(address: string, run: () => Promise<T>): Promise<T> {
    return this.caller.run(address, run);
  }

  async admitNewConversation(activity: { channelId: string; from: { id: string } }): Promise<void> {
    const address = this.caller.getStore();
    if (address !== undefined && this.limits.exempt(address)) return;
    if (address !== undefined) await this.limits.perClient.consume(address);
    await this.limits.perUser.consume(`${activity.channelId}:${activity.from.id}`);
  }

  /** A new web chat conversation (Direct Line tokens/generate). */
  async admitClient(address: string): Promise<void> {
    if (!this.limits.exempt(address)) await this.limits.perClient.consume(address);
  }
}
