// Every Redis key, hash tag and pub/sub channel the service uses, in one place (the client adds REDIS_KEY_PREFIX to keys).
import { XieshangError } from '../../errors.js';

/** The hash tag of one case: every key of the case carries it, so a case's keys share a Cluster slot and its scripts run. */
export function caseTag(caseId: string): string {
  if (caseId === '') throw new XieshangError('XS_BAD_REQUEST', 'caseId must not be empty');
  return `{${caseId}}`;
}

/**
 * Keys of one case: `case` hash {v: version, r: record JSON}; `tx` list, one element per commit with the entries it
 * appended, RPUSH only (a list, not a stream: a stream preallocates 4 KiB per node, a list grows as needed);
 * `agr` agreement JSON, SET NX; JSON values over 512 characters are stored deflated (storedJson.ts); `seen` zset
 * activityId → expiry ms, expires with its newest id. A key added here must start with `caseTag(caseId)`.
 */
export function caseKeys(caseId: string) {
  const tag = caseTag(caseId);
  return { record: `${tag}:case`, transcript: `${tag}:tx`, agreement: `${tag}:agr`, seen: `${tag}:seen` };
}

/** The agent queue, one for all instances, on its own hash tag (so on Cluster it lives on one slot). */
export const QUEUE_KEYS = { order: '{queue}:z', entries: '{queue}:h' } as const;

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

/** Flow metrics: one hash of counts per flow version per day. */
export const flowMetricsDayKey = (version: string, day: string): string => `flowmetrics:${version}:${day}`;

/**
 * Failed identity checks of one account: a zset attempt id → failure time ms, on the account's own hash tag.
 * Account keys are already hashes (src/domain/identityLock.ts): no reference or phone number in key names.
 */
export const identityFailureKey = (accountKey: string): string => `idfail:{${accountKey}}`;

/** Pub/sub channels carry the key prefix themselves: ioredis prefixes keys, not channels. */
export const channels = {
  /** The agent desk's case events. */
  deskEvents: (prefix: string): string => `${prefix}desk:events`,
  /** New activities of one Direct Line conversation (wakes its readers on every instance). */
  directLine: (prefix: string, conversationId: string): string => `${prefix}dl:${conversationId}`,
};
