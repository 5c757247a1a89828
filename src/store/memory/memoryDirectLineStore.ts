// The embedded Direct Line store: conversations and logs in this process (lost on restart, one instance only), forgotten when idle.
import { EventEmitter } from 'node:events';
import {
  PAGE_SIZE,
  activityId,
  withIds,
  type ActivitySet,
  type AppendedOnce,
  type ConversationRecord,
  type DirectLineStore,
  type StoredActivity,
} from '../../channels/directline/directLineStore.js';

export class MemoryDirectLineStore implements DirectLineStore {
  private readonly records = new Map<string, ConversationRecord>();
  private readonly logs = new Map<string, StoredActivity[]>();
  private readonly started = new Set<string>();
  private readonly invites = new Map<string, string>();
  /** Per conversation: clientActivityID → log index of its first append. */
  private readonly clientIds = new Map<string, Map<string, number>>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  /** Conversation ids by last activity, oldest first (a touch moves an id to the end). */
  private readonly lastActive = new Map<string, number>();

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async saveConversation(record: ConversationRecord): Promise<void> {
    this.records.set(record.conversationId, record);
    this.touch(record.conversationId);
  }

  async conversation(conversationId: string): Promise<ConversationRecord | undefined> {
    this.forgetIdle();
    return this.records.get(conversationId);
  }

  async markStarted(conversationId: string): Promise<boolean> {
    if (this.started.has(conversationId)) return false;
    this.started.add(conversationId);
    return true;
  }

  async append(conversationId: string, activity: StoredActivity): Promise<string> {
    const log = this.logs.get(conversationId) ?? [];
    log.push(activity);
    this.logs.set(conversationId, log);
    this.touch(conversationId);
    this.events.emit(conversationId);
    return activityId(conversationId, log.length - 1);
  }

  async appendOnce(conversationId: string, clientActivityId: string, activity: StoredActivity): Promise<AppendedOnce> {
    const seen = this.clientIds.get(conversationId) ?? new Map<string, number>();
    this.clientIds.set(conversationId, seen);
    const index = seen.get(clientActivityId);
    if (index !== undefined) return { id: activityId(conversationId, index), fresh: false };
    seen.set(clientActivityId, this.logs.get(conversationId)?.length ?? 0);
    return { id: await this.append(conversationId, activity), fresh: true };
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const log = this.logs.get(conversationId) ?? [];
    const from = Math.min(watermark, log.length);
    return withIds(conversationId, from, log.slice(from, from + PAGE_SIZE));
  }

  async claimInvite(inviteId: string, conversationId: string): Promise<string> {
    const owner = this.invites.get(inviteId) ?? conversationId;
    this.invites.set(inviteId, owner);
    return owner;
  }

  async rebindInvite(inviteId: string, forgotten: string, conversationId: string): Promise<string> {
    const owner = this.invites.get(inviteId);
    if (owner !== undefined && owner !== forgotten) return owner;
    this.invites.set(inviteId, conversationId);
    return conversationId;
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.events.on(conversationId, listener);
    return () => this.events.off(conversationId, listener);
  }

  async erase(conversationId: string): Promise<void> {
    this.forget(conversationId);
  }

  private touch(conversationId: string): void {
    this.lastActive.delete(conversationId);
    this.lastActive.set(conversationId, this.now());
    this.forgetIdle();
  }

  /** Drops conversations idle longer than `idleMs` (as Redis expires them), oldest first, stopping at the first recent one. */
  private forgetIdle(): void {
    const before = this.now() - this.idleMs;
    for (const [conversationId, at] of this.lastActive) {
      if (at > before) return;
      this.forget(conversationId);
    }
  }

  private forget(conversationId: string): void {
    this.lastActive.delete(conversationId);
    this.records.delete(conversationId);
    this.logs.delete(conversationId);
    this.started.delete(conversationId);
    this.clientIds.delete(conversationId);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
