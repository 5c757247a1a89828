// Direct Line conversations in Redis: record and log under one `{dl:<id>}` hash tag, pub/sub to wake other instances.
import type { Redis, Result } from 'ioredis';
import { channels, directLineKey, inviteKey } from './keys.js';
import type { RedisConnection } from './redisConnection.js';
import {
  ConversationRecordSchema,
  PAGE_SIZE,
  activityId,
  withIds,
  type ActivitySet,
  type AppendedOnce,
  type ConversationRecord,
  type DirectLineStore,
  type StoredActivity,
} from '../../channels/directline/directLineStore.js';

/**
 * KEYS: log, cids, conv, started. ARGV: clientActivityID, activity JSON, idle seconds.
 * Returns {index, 1} after appending, or {index of the first append, 0} for a clientActivityID seen before.
 */
const APPEND_ONCE = `local seen = redis.call('HGET', KEYS[2], ARGV[1])
if seen then return {tonumber(seen), 0} end
local length = redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[2], ARGV[1], length - 1)
for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return {length - 1, 1}`;

/** KEYS: invite. ARGV: forgotten conversation, new conversation, ttl. Moves the invitation only from the forgotten one. */
const REBIND_INVITE = `local owner = redis.call('GET', KEYS[1])
if owner == false or owner == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
  return ARGV[2]
end
return owner`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsDirectLineRebindInvite(
      invite: string,
      forgotten: string,
      conversationId: string,
      ttlSeconds: number,
    ): Result<string, Context>;
    xsDirectLineAppendOnce(
      log: string,
      cids: string,
      conv: string,
      started: string,
      clientActivityId: string,
      activityJson: string,
      idleSeconds: number,
    ): Result<[number, number], Context>;
  }
}

/**
 * The log is a Redis list (RPUSH answers the new length, so the index is known atomically), read with
 * LRANGE from the watermark. New activities are announced on a pub/sub channel per conversation; the
 * announcement only wakes a reader, the list stays the truth, so a lost message costs latency, never data.
 * Pub/sub needs one extra connection per instance, not one blocked connection per open stream as XREAD BLOCK would.
 */
export class RedisDirectLineStore implements DirectLineStore {
  private subscriber: Redis | undefined;
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly channelPrefix: string,
    private readonly idleSeconds: number,
  ) {
    redis.client.defineCommand('xsDirectLineAppendOnce', { lua: APPEND_ONCE, numberOfKeys: 4 });
    redis.client.defineCommand('xsDirectLineRebindInvite', { lua: REBIND_INVITE, numberOfKeys: 1 });
  }

  async saveConversation(record: ConversationRecord): Promise<void> {
    await this.redis.guard('directline save', () =>
      this.redis.client.set(
        directLineKey(record.conversationId, 'conv'),
        JSON.stringify(record),
        'EX',
        this.idleSeconds,
      ),
    );
  }

  async conversation(conversationId: string): Promise<ConversationRecord | undefined> {
    const raw = await this.redis.guard('directline load', () =>
      this.redis.client.get(directLineKey(conversationId, 'conv')),
    );
    return raw === null ? undefined : ConversationRecordSchema.parse(JSON.parse(raw));
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const set = await this.redis.guard('directline start', () =>
      this.redis.client.set(directLineKey(conversationId, 'started'), '1', 'EX', this.idleSeconds, 'NX'),
    );
    return set === 'OK';
  }

  async append(conversationId: string, activity: StoredActivity): Promise<string> {
    const log = directLineKey(conversationId, 'log');
    const replies = await this.redis.guard('directline append', () =>
      this.redis.client
        .multi()
        .rpush(log, JSON.stringify(activity))
        .expire(log, this.idleSeconds)
        .expire(directLineKey(conversationId, 'conv'), this.idleSeconds)
        .expire(directLineKey(conversationId, 'started'), this.idleSeconds)
        .expire(directLineKey(conversationId, 'cids'), this.idleSeconds)
        .exec(),
    );
    const length = Number(replies?.[0]?.[1]);
    await this.announce(conversationId, length);
    return activityId(conversationId, length - 1);
  }

  async appendOnce(conversationId: string, clientActivityId: string, activity: StoredActivity): Promise<AppendedOnce> {
    const key = (part: 'log' | 'cids' | 'conv' | 'started') => directLineKey(conversationId, part);
    const [index, fresh] = await this.redis.guard('directline append once', () =>
      this.redis.client.xsDirectLineAppendOnce(
        key('log'),
        key('cids'),
        key('conv'),
        key('started'),
        clientActivityId,
        JSON.stringify(activity),
        this.idleSeconds,
      ),
    );
    if (fresh === 1) await this.announce(conversationId, index + 1);
    return { id: activityId(conversationId, index), fresh: fresh === 1 };
  }

  private async announce(conversationId: string, length: number): Promise<void> {
    await this.redis.guard('directline publish', () =>
      this.redis.client.publish(this.channel(conversationId), String(length)),
    );
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const raw = await this.redis.guard('directline read', () =>
      this.redis.client.lrange(directLineKey(conversationId, 'log'), watermark, watermark + PAGE_SIZE - 1),
    );
    return withIds(
      conversationId,
      watermark,
      raw.map((entry) => JSON.parse(entry) as StoredActivity),
    );
  }

  async claimInvite(inviteId: string, conversationId: string, ttlSeconds: number): Promise<string> {
    const invite = inviteKey(inviteId);
    const set = await this.redis.guard('invite claim', () =>
      this.redis.client.set(invite, conversationId, 'EX', ttlSeconds, 'NX'),
    );
    if (set === 'OK') return conversationId;
    return (await this.redis.guard('invite read', () => this.redis.client.get(invite))) ?? conversationId;
  }

  rebindInvite(inviteId: string, forgotten: string, conversationId: string, ttlSeconds: number): Promise<string> {
    return this.redis.guard('invite rebind', () =>
      this.redis.client.xsDirectLineRebindInvite(inviteKey(inviteId), forgotten, conversationId, ttlSeconds),
    );
  }

  async erase(conversationId: string): Promise<void> {
    const keys = (['conv', 'log', 'started'] as const).map((part) => directLineKey(conversationId, part));
    await this.redis.guard('directline erase', () => this.redis.client.del(...keys));
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    const channel = this.channel(conversationId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      void this.subscriberClient()
        .subscribe(channel)
        .catch(() => undefined);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size > 0 || this.listeners.get(channel) !== set) return;
      this.listeners.delete(channel);
      void this.subscriber?.unsubscribe(channel).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  private subscriberClient(): Redis {
    if (this.subscriber) return this.subscriber;
    // Subscriptions may be made before the connection is ready, and are renewed after a reconnect.
    const subscriber = (this.redis.client as Redis).duplicate({
      enableOfflineQueue: true,
      enableAutoPipelining: false,
      autoResubscribe: true,
      commandTimeout: undefined,
    });
    // Outages are already reported by the main connection; readers catch up from the list on keep-alive.
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string) => this.listeners.get(channel)?.forEach((listener) => listener()));
    this.subscriber = subscriber;
    return subscriber;
  }

  private channel(conversationId: string): string {
    return channels.directLine(this.channelPrefix, conversationId);
  }
}
