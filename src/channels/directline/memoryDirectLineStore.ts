// The embedded Direct Line store: conversations and logs in this process (lost on restart, one instance only).
import { EventEmitter } from 'node:events';
import { PAGE_SIZE, activityId, withIds, type ActivitySet, type ConversationRecord, type DirectLineStore, type StoredActivity } from './directLineStore.js';

export class MemoryDirectLineStore implements DirectLineStore {
  private readonly records = new Map<string, ConversationRecord>();
  private readonly logs = new Map<string, StoredActivity[]>();
  private readonly started = new Set<string>();
  private readonly invites = new Map<string, string>();
  private readonly events = new EventEmitter().setMaxListeners(0);

  async saveConversation(record: ConversationRecord): Promise<void> {
    this.records.set(record.conversationId, record);
  }

  async conversation(conversationId: string): Promise<ConversationRecord | undefined> {
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
    this.events.emit(conversationId);
    return activityId(conversationId, log.length - 1);
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

  subscribe(conversationId: string, listener: () => void): () => void {
    this.events.on(conversationId, listener);
    return () => this.events.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
