// The Lua scripts of the Redis stores: each is one atomic step and one round trip.
import type { Result } from 'ioredis';
import { z } from 'zod';
import { MAX_TRANSCRIPT_COMMITS } from '../storeLimits.js';
import { COMPACT_EVERY } from './transcriptCompaction.js';
import type { RedisClient } from './redisConnection.js';

/** Server time in ms: the one clock every instance shares for de-duplication expiry. */
const NOW_MS = `local t = redis.call('TIME')
local nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * An activity id as the `seen` zset keeps it: the first 8 bytes of its SHA-1 (a channel's ids run to 50 characters;
 * a collision among one case's ids of a day is about 1 in 10^17). Ids kept whole before are still found (SEEN_BEFORE).
 */
const SEEN_ID = `local function seenId(id)
  return (redis.sha1hex(id):sub(1, 16):gsub('..', function(hex) return string.char(tonumber(hex, 16)) end))
end`;

/** Sets `duplicate` to 1 when ARGV[1] (an activity id, '' for none) is in KEYS[2] and not expired. */
const SEEN_BEFORE = `${SEEN_ID}
local duplicate = 0
if ARGV[1] ~= '' then
  local expiresAt = redis.call('ZSCORE', KEYS[2], seenId(ARGV[1])) or redis.call('ZSCORE', KEYS[2], ARGV[1])
  if expiresAt then
    ${NOW_MS}
    if tonumber(expiresAt) > nowMs then duplicate = 1 end
  end
end`;

/**
 * KEYS: case, seen. ARGV: activityId ('' for none).
 * Returns {version|nil, recordJson|nil, duplicate 0/1}. Writes nothing.
 */
const LOAD = `local fields = redis.call('HMGET', KEYS[1], 'v', 'r')
${SEEN_BEFORE}
return {fields[1], fields[2], duplicate}`;

/**
 * LOAD and, in the same step, the account the case talks about from the account directory (KEYS: case, seen,
 * accounts data; only where every key is on one node, i.e. not on Cluster). ARGV: activityId ('' for none).
 * Returns {version|nil, recordJson|nil, duplicate 0/1, accountRef|nil, accountJson|nil}.
 */
const LOAD_WITH_ACCOUNT = `local fields = redis.call('HMGET', KEYS[1], 'v', 'r', 'a')
${SEEN_BEFORE}
local account = false
if fields[3] then account = redis.call('HGET', KEYS[3], fields[3]) end
return {fields[1], fields[2], duplicate, fields[3], account}`;

/**
 * KEYS: case, tx, agr, seen, outbox, agrn, agrx.
 * ARGV: expectedVersion, recordJson, activityId|'', agreementJson|'', dedupeTtlMs, retentionSeconds (0 = keep),
 * outboxCount n, cancellationJson|'', accountRef|'' (upper case: the account LOAD_WITH_ACCOUNT reads), compact
 * ('1': the negotiation is not going on, its transcript may be compacted), n lender-event JSONs (RPUSH onto the case's
 * outbox: the transactional outbox), entriesJson...
 * When the stored version (0 if none) differs from expectedVersion: writes nothing, returns {0, storedVersion}.
 * Otherwise: record and version+1 into the case hash, RPUSH the turn's entries while the transcript holds fewer than
 * MAX_TRANSCRIPT_COMMITS commits (compacted `tn` and listed; no script or call here rewrites a commit's entries), SET NX the
 * agreement (RPUSH it to agrn when the case had one, which a cancellation left unchanged), RPUSH the cancellation,
 * remember the activity until now+dedupeTtlMs, then EXPIRE the case's keys by retentionSeconds or PERSIST them;
 * returns {1, newVersion}, or, when `compact` and the list holds commits to compact (the first time; then at least
 * COMPACT_EVERY and half as many as compacted, so a long transcript is not rewritten every few commits),
 * {1, newVersion, tn, t|'', every listed commit…}: what COMPACT needs (no read of its own).
 */
const COMMIT = `local fields = redis.call('HMGET', KEYS[1], 'v', 'tn')
local current = tonumber(fields[1] or '0')
if current ~= tonumber(ARGV[1]) then return {0, current} end
local compacted = tonumber(fields[2] or '0')
local version = current + 1
redis.call('HSET', KEYS[1], 'v', version, 'r', ARGV[2])
if ARGV[9] ~= '' then redis.call('HSET', KEYS[1], 'a', ARGV[9]) end
local events = tonumber(ARGV[7])
for i = 11, 10 + events do redis.call('RPUSH', KEYS[5], ARGV[i]) end
if compacted + redis.call('LLEN', KEYS[2]) < ${MAX_TRANSCRIPT_COMMITS} then
  for i = 11 + events, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
end
if ARGV[4] ~= '' and not redis.call('SET', KEYS[3], ARGV[4], 'NX') then redis.call('RPUSH', KEYS[6], ARGV[4]) end
if ARGV[8] ~= '' then redis.call('RPUSH', KEYS[7], ARGV[8]) end
local ttlMs = tonumber(ARGV[5])
if ARGV[3] ~= '' then
  ${SEEN_ID}
  ${NOW_MS}
  redis.call('ZADD', KEYS[4], nowMs + ttlMs, seenId(ARGV[3]))
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
if ARGV[10] ~= '' then
  local listed = redis.call('LLEN', KEYS[2])
  if listed > 0 and (compacted == 0 or (listed >= ${COMPACT_EVERY} and listed * 2 >= compacted)) then
    local reply = {1, version, compacted, redis.call('HGET', KEYS[1], 't') or ''}
    for _, value in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do reply[#reply + 1] = value end
    return reply
  end
end
return {1, version}`;

/**
 * KEYS: case, tx. ARGV: tn (the commits compacted when the caller read them), n (the listed commits it read),
 * transcriptJson (t and those n commits in one value).
 * When the case still exists with that tn and at least n listed commits: the value becomes `t`, tn grows by n and the
 * first n listed commits leave the list (commits appended meanwhile stay listed); returns 1. Otherwise (another
 * compaction or an erasure came first) writes nothing, returns 0. The case hash keeps its expiry.
 */
const COMPACT = `if redis.call('HEXISTS', KEYS[1], 'v') == 0 then return 0 end
local compacted = tonumber(redis.call('HGET', KEYS[1], 'tn') or '0')
local n = tonumber(ARGV[2])
if compacted ~= tonumber(ARGV[1]) or redis.call('LLEN', KEYS[2]) < n then return 0 end
redis.call('HSET', KEYS[1], 't', ARGV[3], 'tn', compacted + n)
redis.call('LTRIM', KEYS[2], n, -1)
return 1`;

/** KEYS: case, tx. Returns {t|'', every listed commit…}: the whole transcript, read in one step. */
const TRANSCRIPT = `local reply = {redis.call('HGET', KEYS[1], 't') or ''}
for _, value in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do reply[#reply + 1] = value end
return reply`;

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
    xsCommitBuffer(
      caseKey: string,
      txKey: string,
      agrKey: string,
      seenKey: string,
      outboxKey: string,
      laterAgreementsKey: string,
      cancellationsKey: string,
      ...args: (string | number | Buffer)[]
    ): Result<unknown, Context>;
    xsCompact(
      caseKey: string,
      txKey: string,
      compacted: number,
      n: number,
      transcript: string | Buffer,
    ): Result<number, Context>;
    xsTranscriptBuffer(caseKey: string, txKey: string): Result<unknown, Context>;
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
  client.defineCommand('xsCompact', { lua: COMPACT, numberOfKeys: 2 });
  client.defineCommand('xsTranscript', { lua: TRANSCRIPT, numberOfKeys: 2 });
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
/** {ok, version} or, with what to compact, {1, version, tn, t|'', listed commits…} (COMMIT). */
export const CommitReplySchema = z.union([
  z.tuple([z.number(), z.number()]),
  z.tuple([z.literal(1), z.number(), z.number(), Bytes]).rest(Bytes),
]);
/** {t|'', listed commits…} (TRANSCRIPT). */
export const TranscriptReplySchema = z.tuple([Bytes]).rest(Bytes);
export const ListReplySchema = z.array(z.string());
export const FlagReplySchema = z.number();
