// Failed identity checks per account in Redis: one sorted set per account, shared by every instance.
import type { Result } from 'ioredis';
import { z } from 'zod';
import type { IdentityFailureLog, IdentityFailures } from '../identityFailureLog.js';
import { identityFailureKey } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

/**
 * KEYS: the account's zset (attempt id → failure time ms). ARGV: attemptId ('' = only read), windowMs.
 * Adds the attempt once (NX), drops failures older than the window, expires the key with the window;
 * returns {nowMs, t1, t2, …} in the server's time, oldest first.
 */
const RECORD = `local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[2])
if ARGV[1] ~= '' then
  redis.call('ZADD', KEYS[1], 'NX', nowMs, ARGV[1])
  redis.call('PEXPIRE', KEYS[1], windowMs)
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs - windowMs)
local out = {nowMs}
for _, score in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')) do out[#out + 1] = score end
return out`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsIdentityFailure(key: string, attemptId: string, windowMs: number): Result<unknown, Context>;
  }
}

const ReplySchema = z.array(z.union([z.number(), z.string()]));

export class RedisIdentityFailureLog implements IdentityFailureLog {
  constructor(private readonly connection: RedisConnection) {
    connection.client.defineCommand('xsIdentityFailure', { lua: RECORD, numberOfKeys: 1 });
  }

  record(accountKey: string, attemptId: string, windowMs: number): Promise<IdentityFailures> {
    return this.call(accountKey, attemptId, windowMs);
  }

  recent(accountKey: string, windowMs: number): Promise<IdentityFailures> {
    return this.call(accountKey, '', windowMs);
  }

  private async call(accountKey: string, attemptId: string, windowMs: number): Promise<IdentityFailures> {
    const reply = await this.connection.guard('identity failures', () =>
      this.connection.client.xsIdentityFailure(identityFailureKey(accountKey), attemptId, windowMs),
    );
    const [nowMs, ...pairs] = ReplySchema.parse(reply).map(Number);
    // ZRANGE WITHSCORES gives member, score, member, score…: the member at even places, the time at odd.
    const failures = pairs.filter((_, index) => index % 2 === 1);
    return { failures, nowMs: nowMs! };
  }
}
