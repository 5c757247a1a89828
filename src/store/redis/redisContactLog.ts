// The contact log in Redis: one hash and one sorted set per account, on the account's own hash tag.
import type { Result } from 'ioredis';
import { z } from 'zod';
import { ATTEMPTS_KEPT_MS, type ContactLog, type ContactState } from '../contactLog.js';
import { contactKeys } from './keys.js';
import type { RedisConnection } from './redisConnection.js';

/** KEYS: state, attempts. Returns {caseId|false, optedOutAt|false, t1, t2, …}. */
const STATE = `local fields = redis.call('HMGET', KEYS[1], 'case', 'optout')
local out = {fields[1], fields[2]}
for _, t in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')) do out[#out + 1] = t end
return out`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsContactState(state: string, attempts: string): Result<unknown[], Context>;
  }
}

const Reply = z.array(z.string().nullable());

export class RedisContactLog implements ContactLog {
  constructor(private readonly connection: RedisConnection) {
    connection.client.defineCommand('xsContactState', { lua: STATE, numberOfKeys: 2 });
  }

  async state(accountRef: string): Promise<ContactState> {
    const keys = contactKeys(accountRef);
    const reply = await this.connection.guard('contact state', () =>
      this.connection.client.xsContactState(keys.state, keys.attempts),
    );
    const [caseId, optedOutAt, ...pairs] = Reply.parse(reply.map((value) => value || null));
    return {
      ...(caseId ? { caseId } : {}),
      ...(optedOutAt ? { optedOutAt } : {}),
      // WITHSCORES gives member, time, member, time…
      attempts: pairs.filter((_, index) => index % 2 === 1).map((ms) => new Date(Number(ms))),
    };
  }

  async linkCase(accountRef: string, caseId: string): Promise<void> {
    await this.connection.guard('link case', () =>
      this.connection.client.hset(contactKeys(accountRef).state, 'case', caseId),
    );
  }

  async optOut(accountRef: string, at: string): Promise<void> {
    await this.connection.guard('opt out', () =>
      this.connection.client.hsetnx(contactKeys(accountRef).state, 'optout', at),
    );
  }

  async recordAttempt(accountRef: string, attemptId: string, at: Date): Promise<void> {
    const key = contactKeys(accountRef).attempts;
    await this.connection.guard('record contact attempt', () =>
      this.connection.client
        .multi()
        .zadd(key, at.getTime(), attemptId)
        .zremrangebyscore(key, '-inf', at.getTime() - ATTEMPTS_KEPT_MS)
        .pexpire(key, ATTEMPTS_KEPT_MS)
        .exec(),
    );
  }
}
