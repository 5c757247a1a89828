// A botbuilder Storage on Redis with ioredis: one hash per key {e: eTag, d: JSON}, optimistic writes by eTag.
import type { Storage, StoreItems } from 'botbuilder';
import type { Redis, Result } from 'ioredis';

/** KEYS[1]; ARGV: expected eTag ('' or '*' = unconditional), JSON. Returns the new eTag, or -1 on a conflict. */
const WRITE = `local current = redis.call('HGET', KEYS[1], 'e')
if ARGV[1] ~= '' and ARGV[1] ~= '*' and current and current ~= ARGV[1] then return -1 end
local next = (tonumber(current) or 0) + 1
redis.call('HSET', KEYS[1], 'e', next, 'd', ARGV[2])
return next`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    peerWrite(key: string, expectedETag: string, json: string): Result<number, Context>;
  }
}

export class RedisStorage implements Storage {
  constructor(
    private readonly client: Redis,
    private readonly prefix = 'peer:',
  ) {
    client.defineCommand('peerWrite', { numberOfKeys: 1, lua: WRITE });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const pipeline = this.client.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'e', 'd');
    const replies = (await pipeline.exec()) ?? [];
    const items: StoreItems = {};
    replies.forEach(([error, fields], index) => {
      if (error) throw error;
      const [eTag, json] = fields as [string | null, string | null];
      if (json !== null) items[keys[index]!] = { ...JSON.parse(json), eTag };
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes);
    if (entries.length === 0) return;
    const pipeline = this.client.pipeline();
    for (const [key, item] of entries) {
      const { eTag, ...data } = item as { eTag?: string };
      pipeline.peerWrite(this.prefix + key, eTag ?? '', JSON.stringify(data));
    }
    const replies = (await pipeline.exec()) ?? [];
    replies.forEach(([error, result], index) => {
      if (error) throw error;
      if (result === -1) throw new Error(`Storage: error writing "${entries[index]![0]}" due to eTag conflict.`);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(...keys.map((key) => this.prefix + key));
  }
}
