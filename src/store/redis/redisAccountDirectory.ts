// The account directory in Redis: every instance sees an upsert at once; each look-up is one script call.
import type { Result } from 'ioredis';
import { AccountSchema, type Account } from '../../domain/account.js';
import { decodeJson, encodeJson } from '../storedJson.js';
import { ChannelBindings, phoneKey, refKey, type AccountDirectory, type Upserted } from '../accountDirectory.js';
import { ACCOUNT_KEYS } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

/** KEYS: data, index hash ('' key = by reference). ARGV: key. The account JSON or nil. */
const FIND = `local ref = ARGV[1]
if KEYS[2] ~= KEYS[1] then ref = redis.call('HGET', KEYS[2], ARGV[1]) end
if not ref then return false end
return redis.call('HGET', KEYS[1], ref)`;

/**
 * KEYS: data, phone, user, indexed. ARGV: groups of (ref, json, indexEntries as phone\\nuser…).
 * For each: drops the index entries the old version owned (if still its own), writes the account and its entries;
 * returns 1 (created) or 0 (updated) per account.
 */
const UPSERT = `local out = {}
local function unindex(ref)
  local old = redis.call('HGET', KEYS[4], ref)
  if not old then return end
  local first = true
  for entry in string.gmatch(old, '[^\\n]+') do
    local index = KEYS[3]
    if first then index = KEYS[2] end
    first = false
    if redis.call('HGET', index, entry) == ref then redis.call('HDEL', index, entry) end
  end
end
for i = 1, #ARGV, 3 do
  local ref = ARGV[i]
  unindex(ref)
  out[#out + 1] = redis.call('HSET', KEYS[1], ref, ARGV[i + 1])
  redis.call('HSET', KEYS[4], ref, ARGV[i + 2])
  local first = true
  for entry in string.gmatch(ARGV[i + 2], '[^\\n]+') do
    local index = KEYS[3]
    if first then index = KEYS[2] end
    first = false
    redis.call('HSET', index, entry, ref)
  end
end
return out`;

/** KEYS: data, phone, user, indexed. ARGV: ref. 1 when it existed. */
const REMOVE = `local old = redis.call('HGET', KEYS[4], ARGV[1])
if old then
  local first = true
  for entry in string.gmatch(old, '[^\\n]+') do
    local index = KEYS[3]
    if first then index = KEYS[2] end
    first = false
    if redis.call('HGET', index, entry) == ARGV[1] then redis.call('HDEL', index, entry) end
  end
  redis.call('HDEL', KEYS[4], ARGV[1])
end
return redis.call('HDEL', KEYS[1], ARGV[1])`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsAccountFind(data: string, index: string, key: string): Result<string | null, Context>;
    xsAccountUpsert(
      data: string,
      phone: string,
      user: string,
      indexed: string,
      ...args: string[]
    ): Result<number[], Context>;
    xsAccountRemove(data: string, phone: string, user: string, indexed: string, ref: string): Result<number, Context>;
  }
}

export class RedisAccountDirectory implements AccountDirectory {
  private readonly bindings = new ChannelBindings();

  constructor(private readonly connection: RedisConnection) {
    const client = connection.client;
    client.defineCommand('xsAccountFind', { lua: FIND, numberOfKeys: 2 });
    client.defineCommand('xsAccountUpsert', { lua: UPSERT, numberOfKeys: 4 });
    client.defineCommand('xsAccountRemove', { lua: REMOVE, numberOfKeys: 4 });
  }

  byReference(accountRef: string): Promise<Account | undefined> {
    return this.lookUp(ACCOUNT_KEYS.data, refKey(accountRef));
  }

  find(query: { accountRef?: string; phone?: string }): Promise<Account | undefined> {
    if (query.accountRef) return this.byReference(query.accountRef);
    return query.phone ? this.lookUp(ACCOUNT_KEYS.phone, phoneKey(query.phone)) : Promise.resolve(undefined);
  }

  async findByChannelUser(channelUserId: string): Promise<Account | undefined> {
    const bound = this.bindings.refOf(channelUserId);
    return bound ? this.byReference(bound) : this.lookUp(ACCOUNT_KEYS.user, channelUserId);
  }

  async upsert(accounts: readonly Account[]): Promise<Upserted[]> {
    if (accounts.length === 0) return [];
    const args = accounts.flatMap((account) => [
      refKey(account.accountRef),
      encodeJson(account),
      [phoneKey(account.borrower.phone), ...account.channelUserIds].join('\n'),
    ]);
    const k = ACCOUNT_KEYS;
    const created = await this.connection.guard('upsert accounts', () =>
      this.connection.client.xsAccountUpsert(k.data, k.phone, k.user, k.indexed, ...args),
    );
    return created.map((flag) => (flag === 1 ? 'created' : 'updated'));
  }

  async remove(accountRef: string): Promise<boolean> {
    const k = ACCOUNT_KEYS;
    const removed = await this.connection.guard('remove account', () =>
      this.connection.client.xsAccountRemove(k.data, k.phone, k.user, k.indexed, refKey(accountRef)),
    );
    return removed === 1;
  }

  count(): Promise<number> {
    return this.connection.guard('count accounts', () => this.connection.client.hlen(ACCOUNT_KEYS.data));
  }

  bindChannelUser(channelUserId: string, accountRef: string): void {
    this.bindings.bind(channelUserId, accountRef);
  }

  private async lookUp(index: string, key: string): Promise<Account | undefined> {
    const json = await this.connection.guard('find account', () =>
      this.connection.client.xsAccountFind(ACCOUNT_KEYS.data, index, key),
    );
    return json ? AccountSchema.parse(JSON.parse(decodeJson(json))) : undefined;
  }
}
