// The outbox in Redis: per-case lists written by the commit script, woken through a stream read by a consumer group.
import type { Result } from 'ioredis';
import { z } from 'zod';
import { LenderEventSchema, type LenderEvent } from '../../domain/lenderEvent.js';
import { DeliveryRecordSchema, type DeliveryRecord, type Outbox, type OutboxBacklog, type Wakeup } from '../outbox.js';
import { OUTBOX_GROUP, OUTBOX_KEYS, outboxKeys } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

/** Delivered records kept for GET …/deliveries?status=delivered. */
const RECENT_DELIVERED = 1000;

/** KEYS: wake zset, ready stream. ARGV: nowMs, max. Moves due wake-ups into the stream in one step. */
const MOVE_DUE = `local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, caseId in ipairs(due) do
  redis.call('ZREM', KEYS[1], caseId)
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', 100000, '*', 'c', caseId)
end
return #due`;

/** KEYS: events list, head. Returns {firstEventJson|false, headJson|false}. */
const HEAD = `return {redis.call('LINDEX', KEYS[1], 0), redis.call('GET', KEYS[2])}`;

/**
 * KEYS: events list, head. ARGV: eventId, status, recordJson.
 * failed: the record becomes the head's state. delivered/dead: the first event leaves the outbox (only if it is
 * eventId, so a late duplicate settles nothing) and the head state is cleared.
 */
const SETTLE_CASE = `local first = redis.call('LINDEX', KEYS[1], 0)
if not first or cjson.decode(first).id ~= ARGV[1] then return 0 end
if ARGV[2] == 'failed' then redis.call('SET', KEYS[2], ARGV[3]) return 1 end
redis.call('LPOP', KEYS[1])
redis.call('DEL', KEYS[2])
return 1`;

/**
 * KEYS: records, failed, dead, delivered. ARGV: eventId, status, recordJson, atMs, keepDelivered.
 * Files the record under its status (pending: under none) and forgets the oldest delivered beyond keepDelivered.
 */
const FILE_RECORD = `redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
if ARGV[2] == 'failed' then redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1]) end
if ARGV[2] == 'dead' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1]) end
if ARGV[2] == 'delivered' then
  redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
  local extra = redis.call('ZCARD', KEYS[4]) - tonumber(ARGV[5])
  if extra > 0 then
    for _, id in ipairs(redis.call('ZRANGE', KEYS[4], 0, extra - 1)) do redis.call('HDEL', KEYS[1], id) end
    redis.call('ZREMRANGEBYRANK', KEYS[4], 0, extra - 1)
  end
end
return 1`;

/** KEYS: events list, head. ARGV: eventJson. A dead event back at the front of its case's outbox. */
const REQUEUE = `redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return 1`;

/** KEYS: lease. ARGV: holder, ms. Takes or renews the lease; 1 when the caller holds it. */
const LEASE = `local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
return 1`;

/** KEYS: lease. ARGV: holder. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/**
 * KEYS: wake zset, ready stream, failed, dead. Returns {woken cases, earliest wake-up ms or false, ready entries
 * (taken and not done, or not yet read), failing, dead}.
 */
const BACKLOG = `local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {redis.call('ZCARD', KEYS[1]), earliest[2] or false, redis.call('XLEN', KEYS[2]),
  redis.call('ZCARD', KEYS[3]), redis.call('ZCARD', KEYS[4])}`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsOutboxMoveDue(wake: string, ready: string, nowMs: number, max: number): Result<number, Context>;
    xsOutboxHead(events: string, head: string): Result<unknown, Context>;
    xsOutboxSettle(
      events: string,
      head: string,
      eventId: string,
      status: string,
      json: string,
    ): Result<number, Context>;
    xsOutboxFile(
      records: string,
      failed: string,
      dead: string,
      delivered: string,
      eventId: string,
      status: string,
      json: string,
      atMs: number,
      keep: number,
    ): Result<number, Context>;
    xsOutboxRequeue(events: string, head: string, eventJson: string): Result<number, Context>;
    xsOutboxLease(lease: string, holder: string, ms: number): Result<number, Context>;
    xsOutboxRelease(lease: string, holder: string): Result<number, Context>;
    xsOutboxBacklog(wake: string, ready: string, failed: string, dead: string): Result<unknown, Context>;
  }
}

const HeadReplySchema = z.tuple([z.string().nullable(), z.string().nullable()]);
const BacklogReplySchema = z.tuple([z.number(), z.string().nullable(), z.number(), z.number(), z.number()]);
/** XREADGROUP / XAUTOCLAIM entries: [id, [field, value, …]]. */
const EntriesSchema = z.array(z.tuple([z.string(), z.array(z.string())]));

export class RedisOutbox implements Outbox {
  private group: Promise<void> | undefined;

  constructor(private readonly connection: RedisConnection) {
    const client = connection.client;
    client.defineCommand('xsOutboxMoveDue', { lua: MOVE_DUE, numberOfKeys: 2 });
    client.defineCommand('xsOutboxHead', { lua: HEAD, numberOfKeys: 2 });
    client.defineCommand('xsOutboxSettle', { lua: SETTLE_CASE, numberOfKeys: 2 });
    client.defineCommand('xsOutboxFile', { lua: FILE_RECORD, numberOfKeys: 4 });
    client.defineCommand('xsOutboxRequeue', { lua: REQUEUE, numberOfKeys: 2 });
    client.defineCommand('xsOutboxLease', { lua: LEASE, numberOfKeys: 1 });
    client.defineCommand('xsOutboxRelease', { lua: RELEASE, numberOfKeys: 1 });
    client.defineCommand('xsOutboxBacklog', { lua: BACKLOG, numberOfKeys: 4 });
  }

  async append(key: string, events: readonly LenderEvent[]): Promise<void> {
    if (events.length === 0) return;
    const list = outboxKeys(key).events;
    await this.call('outbox append', () =>
      this.connection.client.rpush(list, ...events.map((event) => JSON.stringify(event))),
    );
  }

  async wake(caseId: string, atMs: number): Promise<void> {
    // LT: an earlier wake-up replaces a later one, never the reverse; a new case is added.
    await this.call('outbox wake', () => this.connection.client.zadd(OUTBOX_KEYS.wake, 'LT', atMs, caseId));
  }

  async take(consumer: string, nowMs: number, max: number, staleMs: number): Promise<Wakeup[]> {
    const client = this.connection.client;
    await this.ensureGroup();
    await this.call('outbox move', () => client.xsOutboxMoveDue(OUTBOX_KEYS.wake, OUTBOX_KEYS.ready, nowMs, max));
    // Wake-ups a dead instance took and never finished, then new ones; each goes to exactly one consumer.
    const claimed = await this.call('outbox claim', () =>
      client.xautoclaim(OUTBOX_KEYS.ready, OUTBOX_GROUP, consumer, staleMs, '0-0', 'COUNT', max),
    );
    const stale = EntriesSchema.parse((claimed as unknown[])[1] ?? []);
    const fresh = await this.call('outbox read', () =>
      client.xreadgroup('GROUP', OUTBOX_GROUP, consumer, 'COUNT', max, 'STREAMS', OUTBOX_KEYS.ready, '>'),
    );
    const entries = [...stale, ...EntriesSchema.parse((fresh as [string, unknown][] | null)?.[0]?.[1] ?? [])];
    return entries.flatMap(([ticket, fields]) => {
      const caseId = fields[fields.indexOf('c') + 1];
      return caseId ? [{ ticket, caseId }] : [];
    });
  }

  async done(ticket: string): Promise<void> {
    const client = this.connection.client;
    await this.call('outbox done', async () => {
      await client.xack(OUTBOX_KEYS.ready, OUTBOX_GROUP, ticket);
      await client.xdel(OUTBOX_KEYS.ready, ticket);
    });
  }

  async lease(caseId: string, holder: string, ms: number): Promise<boolean> {
    const reply = await this.call('outbox lease', () =>
      this.connection.client.xsOutboxLease(outboxKeys(caseId).lease, holder, ms),
    );
    return reply === 1;
  }

  async release(caseId: string, holder: string): Promise<void> {
    await this.call('outbox release', () => this.connection.client.xsOutboxRelease(outboxKeys(caseId).lease, holder));
  }

  async head(caseId: string): Promise<DeliveryRecord | undefined> {
    const keys = outboxKeys(caseId);
    const reply = await this.call('outbox head', () => this.connection.client.xsOutboxHead(keys.events, keys.head));
    const [eventJson, headJson] = HeadReplySchema.parse((reply as unknown[]).map((value) => value || null));
    if (eventJson === null) return undefined;
    const event = LenderEventSchema.parse(JSON.parse(eventJson));
    const head = headJson === null ? undefined : DeliveryRecordSchema.parse(JSON.parse(headJson));
    if (head?.id === event.id) return head;
    const filed = await this.find(event.id);
    return filed?.status === 'pending'
      ? filed
      : { id: event.id, caseId, type: event.type, status: 'pending', attempts: 0, event };
  }

  async settle(caseId: string, record: DeliveryRecord): Promise<void> {
    const keys = outboxKeys(caseId);
    const json = JSON.stringify(record);
    const settleCase = () =>
      this.call('outbox settle', () =>
        this.connection.client.xsOutboxSettle(keys.events, keys.head, record.id, record.status, json),
      );
    // A dead event is filed before it leaves the outbox (a crash in between retries it rather than losing it).
    if (record.status !== 'dead') await settleCase();
    await this.file(record);
    if (record.status === 'dead') await settleCase();
  }

  async list(status: 'failed' | 'dead' | 'delivered', limit: number): Promise<DeliveryRecord[]> {
    const client = this.connection.client;
    const ids = await this.call('outbox list', () => client.zrevrange(OUTBOX_KEYS[status], 0, limit - 1));
    if (ids.length === 0) return [];
    const records = await this.call('outbox list', () => client.hmget(OUTBOX_KEYS.records, ...ids));
    return records.flatMap((json) => (json === null ? [] : [DeliveryRecordSchema.parse(JSON.parse(json))]));
  }

  async find(eventId: string): Promise<DeliveryRecord | undefined> {
    const json = await this.call('outbox find', () => this.connection.client.hget(OUTBOX_KEYS.records, eventId));
    return json === null ? undefined : DeliveryRecordSchema.parse(JSON.parse(json));
  }

  async redeliver(eventId: string, nowMs: number): Promise<boolean> {
    const record = await this.find(eventId);
    if (record?.status === 'dead') {
      const keys = outboxKeys(record.caseId);
      await this.call('outbox redeliver', () =>
        this.connection.client.xsOutboxRequeue(keys.events, keys.head, JSON.stringify(record.event)),
      );
      await this.file({ ...record, status: 'pending', attempts: 0, nextAttemptAt: undefined });
    } else if (record?.status === 'failed') {
      const now = { ...record, nextAttemptAt: new Date(nowMs).toISOString() };
      await this.settle(record.caseId, now);
    } else return false;
    await this.wake(record.caseId, nowMs);
    return true;
  }

  async pending(caseId: string): Promise<LenderEvent[]> {
    const list = await this.call('outbox pending', () =>
      this.connection.client.lrange(outboxKeys(caseId).events, 0, -1),
    );
    return list.map((json) => LenderEventSchema.parse(JSON.parse(json)));
  }

  async backlog(nowMs: number): Promise<OutboxBacklog> {
    const k = OUTBOX_KEYS;
    const reply = await this.call('outbox backlog', () =>
      this.connection.client.xsOutboxBacklog(k.wake, k.ready, k.failed, k.dead),
    );
    const [woken, earliest, ready, failing, dead] = BacklogReplySchema.parse(
      (reply as unknown[]).map((value) => (value === false ? null : value)),
    );
    const overdueMs = earliest === null ? 0 : Math.max(0, nowMs - Number(earliest));
    return { cases: woken + ready, overdueSeconds: overdueMs / 1000, failing, dead };
  }

  private async file(record: DeliveryRecord): Promise<void> {
    const k = OUTBOX_KEYS;
    const atMs = Date.parse(record.lastAttemptAt ?? record.event.at);
    await this.call('outbox file', () =>
      this.connection.client.xsOutboxFile(
        k.records,
        k.failed,
        k.dead,
        k.delivered,
        record.id,
        record.status,
        JSON.stringify(record),
        atMs,
        RECENT_DELIVERED,
      ),
    );
  }

  private ensureGroup(): Promise<void> {
    this.group ??= this.call('outbox group', async () => {
      try {
        await this.connection.client.xgroup('CREATE', OUTBOX_KEYS.ready, OUTBOX_GROUP, '0', 'MKSTREAM');
      } catch (err) {
        if (!(err instanceof Error && err.message.startsWith('BUSYGROUP'))) throw err;
      }
    }).catch((err: unknown) => {
      this.group = undefined;
      throw err;
    });
    return this.group;
  }

  private call<T>(action: string, run: () => Promise<T>): Promise<T> {
    return this.connection.guard(action, run);
  }
}
