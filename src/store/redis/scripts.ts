// The Lua scripts of the Redis stores: each is one atomic step and one round trip.
import type { Result } from 'ioredis';
import { z } from 'zod';
import { MAX_TRANSCRIPT_COMMITS } from '../storeLimits.js';
import type { RedisClient } from './redisConnection.js';

/** Server time in ms: the one clock every instance shares for de-duplication expiry. */
const NOW_MS = `local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * KEYS: case, seen. ARGV: activityId ('' for none).
 * Returns {version|nil, recordJson|nil, duplicate 0/1}. Writes nothing.
 */
const LOAD = `local fields = redis.call('HMGET', KEYS[1], 'v', 'r')
local duplicate = 0
if ARGV[1] ~= '' then
  local expiresAt = redis.call('ZSCORE', KEYS[2], ARGV[1])
  if expiresAt then
    ${NOW_MS}
    if tonumber(expiresAt) > nowMs then duplicate = 1 end
  end
end
return {fields[1], fields[2], duplicate}`;

/**
 * LOAD and, in the same step, the account the case talks about from the account directory (KEYS: case, seen,
 * accounts data; only where every key is on one node, i.e. not on Cluster). ARGV: activityId ('' for none).
 * Returns {version|nil, recordJson|nil, duplicate 0/1, accountRef|nil, accountJson|nil}.
 */
const LOAD_WITH_ACCOUNT = `local fields = redis.call('HMGET', KEYS[1], 'v', 'r', 'a')
local duplicate = 0
if ARGV[1] ~= '' then
  local expiresAt = redis.call('ZSCORE', KEYS[2], ARGV[1])
  if expiresAt then
    ${NOW_MS}
    if tonumber(expiresAt) > nowMs then duplicate = 1 end
  end
end
local account = false
if fields[3] then account = redis.call('HGET', KEYS[3], fields[3]) end
return {fields[1], fields[2], duplicate, fields[3], account}`;

/**
 * KEYS: case, tx, agr, seen, outbox, agrn, agrx.
 * ARGV: expectedVersion, recordJson, activityId|'', agreementJson|'', dedupeTtlMs, retentionSeconds (0 = keep),
 * outboxCount n, cancellationJson|'', accountRef|'' (upper case: the account LOAD_WITH_ACCOUNT reads), n lender-event JSONs (RPUSH onto the case's outbox: the transactional
 * outbox), entriesJson...
 * When the stored version (0 if none) differs from expectedVersion: writes nothing, returns {0, storedVersion}.
 * Otherwise: record and version+1 into the case hash, RPUSH the turn's entries while the list holds fewer than
 * MAX_TRANSCRIPT_COMMITS (the transcript list is only ever appended to: no script or call here rewrites it), SET NX the
 * agreement (RPUSH it to agrn when the case had one, which a cancellation left unchanged), RPUSH the cancellation,
 * remember the activity until now+dedupeTtlMs, then EXPIRE the case's keys by retentionSeconds or PERSIST them;
 * returns {1, newVersion}.
 */
const COMMIT = `local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 'r', ARGV[2])
if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'a', ARGV[9]) end
local events = tonumber(ARGV[7])
for i = 10, 9 + events do redis.call('RPUSH', KEYS[5], ARGV[i]) end
if redis.call('LLEN', KEYS[2]) < ${MAX_TRANSCRIPT_COMMITS} then
  for i = 10 + events, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
end
if ARGV[4] ~= '' and not redis.call('SET', KEYS[3], ARGV[4], 'NX') then redis.call('RPUSH', KEYS[6], ARGV[4]) end
if ARGV[8] ~= '' then redis.call('RPUSH', KEYS[7], ARGV[8]) end
local ttlMs = tonumber(ARGV[5])
if ARGV[3] ~= '' then
  ${NOW_MS}
  redis.call('ZADD', KEYS[4], nowMs + ttlMs, ARGV[3])
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', nowMs)
  redis.call('PEXPIRE', KEYS[4], ttlMs)
end
local retention = tonumber(ARGV[6])
if retention > 0 then
  for _, i in ipairs({1, 2, 3, 6, 7}) do redis.call('EXPIRE', KEYS[i], retention) end
  if redis.call('PTTL', KEYS[4]) > retention * 1000 then redis.call('EXPIRE', KEYS[4], retention) end
else
  for _, i in ipairs({1, 2, 3, 6, 7}) do redis.call('PERSIST', KEYS[i]) end
end
return {1, version}`;

/** KEYS: zset, hash. ARGV: score, caseId, entryJson. Adds only when absent (first place kept); returns 1 if added. */
const ENQUEUE = `if redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return 1`;

/** KEYS: zset, hash. Returns the entries' JSON in queue order. */
const LIST = `local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local entries = {}
for i, id in ipairs(ids) do entries[i] = redis.call('HGET', KEYS[2], id) or '' end
return entries`;

/** KEYS: zset, hash. ARGV: caseId. Returns 1 for exactly the one caller that removed it. */
const CLAIM = `if redis.call('ZREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
return 1`;

/** KEYS: waiting zset. ARGV: caseId, markedAt pairs. Removes each mark only if it still has that score. */
const UNMARK = `for i = 1, #ARGV, 2 do
  if redis.call('ZSCORE', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('ZREM', KEYS[1], ARGV[i]) end
end
return 0`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    xsLoadBuffer(caseKey: string, seenKey: string, activityId: string): Result<unknown, Context>;
    xsLoadWithAccountBuffer(
      caseKey: string,
      seenKey: string,
      accountsKey: string,
      activityId: string,
    ): Result<unknown, Context>;
    xsCommit(
      caseKey: string,
      txKey: string,
      agrKey: string,
      seenKey: string,
      outboxKey: string,
      laterAgreementsKey: string,
      cancellationsKey: string,
      ...args: (string | number | Buffer)[]
    ): Result<unknown, Context>;
    xsEnqueue(
      zsetKey: string,
      hashKey: string,
      score: number,
      caseId: string,
      entryJson: string,
    ): Result<unknown, Context>;
    xsList(zsetKey: string, hashKey: string): Result<unknown, Context>;
    xsClaim(zsetKey: string, hashKey: string, caseId: string): Result<unknown, Context>;
    xsUnmark(waitingKey: string, ...caseIdsAndScores: (string | number)[]): Result<unknown, Context>;
  }
}

/** Registers the scripts on a client (EVALSHA, falling back to EVAL once after a restart). Idempotent. */
export function defineScripts(client: RedisClient): void {
  client.defineCommand('xsLoad', { lua: LOAD, numberOfKeys: 2 });
  client.defineCommand('xsLoadWithAccount', { lua: LOAD_WITH_ACCOUNT, numberOfKeys: 3 });
  client.defineCommand('xsCommit', { lua: COMMIT, numberOfKeys: 7 });
  client.defineCommand('xsEnqueue', { lua: ENQUEUE, numberOfKeys: 2 });
  client.defineCommand('xsList', { lua: LIST, numberOfKeys: 2 });
  client.defineCommand('xsClaim', { lua: CLAIM, numberOfKeys: 2 });
  client.defineCommand('xsUnmark', { lua: UNMARK, numberOfKeys: 1 });
}

/** The scripts' replies read as Buffers (the `…Buffer` variants ioredis defines): stored values are binary. */
const Bytes = z.custom<Buffer>((value) => Buffer.isBuffer(value), 'expected bytes');
export const LoadReplySchema = z.tuple([Bytes.nullable(), Bytes.nullable(), z.number()]);
export const LoadWithAccountReplySchema = z.tuple([
  Bytes.nullable(),
  Bytes.nullable(),
  z.number(),
  Bytes.nullable(),
  Bytes.nullable(),
]);
export const CommitReplySchema = z.tuple([z.number(), z.number()]);
export const ListReplySchema = z.array(z.string());
export const FlagReplySchema = z.number();
