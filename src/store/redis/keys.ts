// Every Redis key, hash tag and pub/sub channel the service uses, in one place (the client adds REDIS_KEY_PREFIX to keys).
import { XieshangError } from '../../errors.js';

/** The hash tag of one case: every key of the case carries it, so a case's keys share a Cluster slot and its scripts run. */
export function caseTag(caseId: string): string {
  if (caseId === '') throw new XieshangError('XS_BAD_REQUEST', 'caseId must not be empty');
  return `{${caseId}}`;
}

/**
 * Keys of one case: `case` hash {v: version, r: record, a: account ref, t: the compacted transcript, tn: how many
 * commits `t` holds}; `tx` list, one element per commit with the entries it appended since the last compaction, RPUSH
 * only (a list, not a stream: a stream preallocates 4 KiB per node, a list grows as needed), compacted into `t` once
 * the negotiation is over (transcriptCompaction.ts); `agr` agreement (offer by recipe), SET NX; `agrn` list of
 * agreements recorded after a cancellation, RPUSH only; `agrx` list of cancellations, RPUSH only; values are stored as
 * binary deflate with a preset dictionary (caseCodec.ts); `seen` zset activity id (8 bytes of its SHA-1) → expiry ms,
 * expires with its newest id. A key added here must start with `caseTag(caseId)`.
 */
export function caseKeys(caseId: string) {
  const tag = caseTag(caseId);
  return {
    record: `${tag}:case`,
    transcript: `${tag}:tx`,
    agreement: `${tag}:agr`,
    seen: `${tag}:seen`,
    laterAgreements: `${tag}:agrn`,
    cancellations: `${tag}:agrx`,
  };
}

/**
 * The lender-event outbox of one case, under the case's hash tag so the commit script appends to it atomically:
 * `outbox` list of event JSON, oldest first; `head` JSON of the first event's delivery so far (attempts, next try);
 * `lease` the dispatcher currently delivering the case (SET NX PX).
 */
export function outboxKeys(caseId: string) {
  const tag = caseTag(caseId);
  return { events: `${tag}:outbox`, head: `${tag}:outbox:head`, lease: `${tag}:outbox:lease` };
}

/**
 * The dispatchers' shared keys, on their own `{outbox}` hash tag: `wake` zset caseId → when to look (ms);
 * `ready` stream of cases to look at now, read by the consumer group OUTBOX_GROUP (each entry to one instance);
 * `records` hash eventId → delivery record JSON (failed, dead, recently delivered); `failed`, `dead`, `delivered`
 * zsets eventId → last attempt ms.
 */
export const OUTBOX_KEYS = {
  wake: '{outbox}:wake',
  ready: '{outbox}:ready',
  records: '{outbox}:records',
  failed: '{outbox}:failed',
  dead: '{outbox}:dead',
  delivered: '{outbox}:delivered',
} as const;
export const OUTBOX_GROUP = 'dispatchers';

/**
 * The account directory, on one `{accounts}` hash tag so a look-up by phone or channel user is one script (one round
 * trip) on Redis Cluster too: `data` hash REF → account JSON (deflated past 512 characters); `phone` hash last 10 digits
 * → REF; `user` hash channel user id → REF; `indexed` hash REF → the index entries it owns (`phone\nuser…`).
 * One slot holds every account: about 1 KiB each, a million accounts ≈ 1 GiB on one shard.
 */
export const ACCOUNT_KEYS = {
  data: '{accounts}:data',
  phone: '{accounts}:phone',
  user: '{accounts}:user',
  indexed: '{accounts}:indexed',
} as const;

/**
 * Payments, on one `{payments}` hash tag (recording checks the id and appends in one script): `byId` hash paymentId →
 * stored payment JSON; `account` list of an account's payment ids in the order received.
 */
export const PAYMENT_KEYS = {
  byId: '{payments}:byId',
  account: (accountRef: string): string => `{payments}:account:${accountRef.toUpperCase()}`,
} as const;

/**
 * What the service knows about contacting one account, on the account's own `{contact:REF}` hash tag: `state` hash
 * {case: the case it talks in, optout: when it opted out}; `attempts` zset attempt id → time ms (outreach).
 */
export function contactKeys(accountRef: string) {
  const tag = `{contact:${accountRef.toUpperCase()}}`;
  return { state: `${tag}:state`, attempts: `${tag}:attempts` };
}

/**
 * The agent queue, one for all instances, on its own hash tag (so on Cluster it lives on one slot): `order` zset
 * and `entries` hash; `waiting` zset caseId → ms, cases a commit left waiting for a person (marked before the commit).
 */
export const QUEUE_KEYS = { order: '{queue}:z', entries: '{queue}:h', waiting: '{queue}:waiting' } as const;

/** The desk index: one hash of case id → summary JSON (every case the desk has seen), on its own hash tag. */
export const DESK_INDEX_KEY = '{desk}:cases';

/**
 * A Direct Line conversation under one `{dl:<id>}` hash tag: record, activity log, start flag, and `cids`, a hash of
 * clientActivityID → log index (a client's resend is the same activity).
 */
export function directLineKey(conversationId: string, part: 'conv' | 'log' | 'started' | 'cids'): string {
  return `{dl:${conversationId}}:${part}`;
}

/** An invitation once used: the conversation it opened. */
export const inviteKey = (inviteId: string): string => `dlinvite:${inviteId}`;

/** Flow versions: the sorted set of versions by save time, and a hash of file name → text per version. */
export const FLOW_VERSIONS_INDEX = 'flowversions:index';
export const flowVersionFilesKey = (version: string): string => `flowversions:files:${version}`;
/** A version published from the browser: its name and change note (who, when, why), JSON. */
export const flowVersionNoteKey = (version: string): string => `flowversions:note:${version}`;
/** The version new conversations start on, chosen by a publish or "make current", JSON. */
export const FLOW_VERSIONS_CURRENT = 'flowversions:current';

/** Flow metrics: one hash of counts per flow version per day. */
export const flowMetricsDayKey = (version: string, day: string): string => `flowmetrics:${version}:${day}`;

/**
 * Failed identity checks of one account: a zset attempt id → failure time ms, on the account's own hash tag.
 * Account keys are already hashes (src/domain/identityLock.ts): no reference or phone number in key names.
 */
export const identityFailureKey = (accountKey: string): string => `idfail:{${accountKey}}`;

/** The test clock's offset from the wall clock in ms (absent: the wall clock), shared by every instance. */
export const CLOCK_OFFSET_KEY = 'clock:offset';

/**
 * BullMQ's own key prefix for the due-job scheduler (BullMQ prefixes its keys itself, `<prefix>:<queue>:…`): one hash
 * tag, so on Cluster every key of the queue shares a slot, as BullMQ requires.
 */
export const schedulerPrefix = (prefix: string): string => `{${prefix}sched}`;
export const SCHEDULER_QUEUE = 'due';

/** Rate-limit counters of one named limit (rate-limiter-flexible adds `:<key>`, e.g. the client address). */
export const rateLimitPrefix = (limitName: string): string => `rl:${limitName}`;

/** Pub/sub channels carry the key prefix themselves: ioredis prefixes keys, not channels. */
export const channels = {
  /** The agent desk's case events. */
  deskEvents: (prefix: string): string => `${prefix}desk:events`,
  /** New activities of one Direct Line conversation (wakes its readers on every instance). */
  directLine: (prefix: string, conversationId: string): string => `${prefix}dl:${conversationId}`,
  /** The test clock moved: every instance reads the new offset. */
  clock: (prefix: string): string => `${prefix}clock`,
};

/** Experiments: one hash, `x:<id>` → the experiment (JSON) and `running` → the id of the running one. */
export const EXPERIMENTS_KEY = 'experiments';
