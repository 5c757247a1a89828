// The embedded default: every store interface in this process's memory, forgotten like Redis expires it.
import type { Agreement, AgreementCancellation, CaseRecord } from '../../domain/case.js';
import type { TranscriptEntry } from '../../domain/transcript.js';
import {
  isWaiting,
  type CaseCommit,
  type CaseStore,
  type CommitResult,
  type HandoffQueue,
  type LoadedCase,
  type QueuedHandoff,
  type WaitingMark,
} from '../caseStore.js';
import type { CaseRetention } from '../caseRetention.js';
import { compareQueued } from '../queueOrder.js';
import type { MemoryOutbox } from './memoryOutbox.js';
import { MAX_TRANSCRIPT_COMMITS } from '../storeLimits.js';
import { decodeJson, encodeJson } from '../storedJson.js';
import { RecentlyDecoded } from '../recentlyDecoded.js';

/**
 * Values are kept encoded as in Redis: compact (many open conversations per process). Only the last thousand records
 * are also kept decoded, shared by reference like the Redis store's (a record is never changed in place).
 */
interface Stored {
  record: string;
  version: number;
  /** When the case is forgotten (ms since epoch); undefined = kept. */
  expiresAt: number | undefined;
}

const append = (lists: Map<string, string[]>, caseId: string, value: string) =>
  lists.set(caseId, [...(lists.get(caseId) ?? []), value]);

const decode = <T>(stored: string): T => JSON.parse(decodeJson(stored)) as T;
/** Expired cases are looked for at most this often (and whenever one is loaded). */
const FORGET_EVERY_MS = 60_000;
const RECENT_CASES = 1_000;

export interface MemoryCaseStoreOptions {
  dedupeTtlMs: number;
  /** Seconds a case is kept after its last commit, by state; unset = kept for the life of the process. */
  retention?: CaseRetention;
  now?: () => number;
  /** Where the lender events of a commit go, in the same step. */
  outbox?: MemoryOutbox;
}

export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, Stored>();
  /** One encoded element per commit, like the Redis list. */
  private readonly transcripts = new Map<string, string[]>();
  /** Every agreement of a case, oldest first; never changed once stored. */
  private readonly agreements = new Map<string, string[]>();
  private readonly cancelled = new Map<string, string[]>();
  /** activity id → when it stops being remembered (ms since epoch). */
  private readonly seen = new Map<string, number>();
  private readonly waiting = new Map<string, number>();
  private lastForget = 0;
  /** The records last committed or read, decoded: a turn reading what the last one wrote decodes nothing. */
  private readonly recent = new RecentlyDecoded<CaseRecord>(RECENT_CASES);

  constructor(private readonly options: MemoryCaseStoreOptions = { dedupeTtlMs: 24 * 3600_000 }) {}

  async load(caseId: string, activityId?: string): Promise<LoadedCase> {
    this.forgetExpired();
    const stored = this.live(caseId);
    return {
      record: stored ? this.recent.read(caseId, stored.record, () => decode<CaseRecord>(stored.record)) : undefined,
      version: stored?.version ?? 0,
      duplicate: activityId !== undefined && this.wasSeen(seenKey(caseId, activityId)),
    };
  }

  async commit(commit: CaseCommit): Promise<CommitResult> {
    const current = this.live(commit.caseId)?.version ?? 0;
    if (current !== commit.expectedVersion) return { ok: false, reason: 'conflict' };
    const version = current + 1;
    const now = this.now();
    if (isWaiting(commit.record)) this.waiting.set(commit.caseId, now);
    const retention = this.options.retention?.(commit.record.status);
    const record = encodeJson(commit.record);
    this.recent.remember(commit.caseId, record, commit.record);
    this.cases.set(commit.caseId, {
      record,
      version,
      expiresAt: retention ? now + retention * 1000 : undefined,
    });
    const transcript = this.transcripts.get(commit.caseId) ?? [];
    if (commit.append.length > 0 && transcript.length < MAX_TRANSCRIPT_COMMITS) {
      transcript.push(encodeJson(commit.append));
      this.transcripts.set(commit.caseId, transcript);
    }
    if (commit.agreement) append(this.agreements, commit.caseId, encodeJson(commit.agreement));
    if (commit.cancellation) append(this.cancelled, commit.caseId, encodeJson(commit.cancellation));
    if (commit.outbox?.length) this.options.outbox?.appendNow(commit.caseId, commit.outbox);
    if (commit.activityId !== undefined)
      this.seen.set(seenKey(commit.caseId, commit.activityId), now + this.options.dedupeTtlMs);
    return { ok: true, version };
  }

  async transcript(caseId: string): Promise<TranscriptEntry[]> {
    if (!this.live(caseId)) return [];
    return (this.transcripts.get(caseId) ?? []).flatMap((turn) => decode<TranscriptEntry[]>(turn));
  }

  async agreement(caseId: string): Promise<Agreement | undefined> {
    const agreement = this.live(caseId) ? this.agreements.get(caseId)?.at(-1) : undefined;
    return agreement === undefined ? undefined : decode<Agreement>(agreement);
  }

  async cancellations(caseId: string): Promise<AgreementCancellation[]> {
    return (this.cancelled.get(caseId) ?? []).map((stored) => decode<AgreementCancellation>(stored));
  }

  async erase(caseId: string): Promise<void> {
    this.forget(caseId);
    this.options.outbox?.erase(caseId);
  }

  /** What expiry removes (as Redis expires the case's keys): the lender events in the outbox stay to be delivered. */
  private forget(caseId: string): void {
    this.cases.delete(caseId);
    this.recent.forget(caseId);
    this.transcripts.delete(caseId);
    this.agreements.delete(caseId);
    this.cancelled.delete(caseId);
    for (const key of this.seen.keys()) if (key.startsWith(`${caseId}|`)) this.seen.delete(key);
  }

  async waitingMarks(): Promise<WaitingMark[]> {
    return [...this.waiting].map(([caseId, markedAt]) => ({ caseId, markedAt }));
  }

  async unmarkWaiting(marks: readonly WaitingMark[]): Promise<void> {
    for (const { caseId, markedAt } of marks) if (this.waiting.get(caseId) === markedAt) this.waiting.delete(caseId);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}

  /** The stored case unless it has expired (then it is forgotten, as Redis would have). */
  private live(caseId: string): Stored | undefined {
    const stored = this.cases.get(caseId);
    if (stored?.expiresAt === undefined || stored.expiresAt > this.now()) return stored;
    this.forget(caseId);
    return undefined;
  }

  /** Forgets every expired case, at most once a minute: a process left running does not grow without end. */
  private forgetExpired(): void {
    const now = this.now();
    if (now - this.lastForget < FORGET_EVERY_MS) return;
    this.lastForget = now;
    for (const caseId of this.cases.keys()) this.live(caseId);
    for (const [key, until] of this.seen) if (until <= now) this.seen.delete(key);
  }

  private wasSeen(key: string): boolean {
    const until = this.seen.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.seen.delete(key);
    return false;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function seenKey(caseId: string, activityId: string): string {
  return `${caseId}|${activityId}`;
}

export class MemoryHandoffQueue implements HandoffQueue {
  private readonly waiting = new Map<string, QueuedHandoff>();

  async enqueue(entry: QueuedHandoff): Promise<void> {
    if (!this.waiting.has(entry.caseId)) this.waiting.set(entry.caseId, { ...entry });
  }

  async list(): Promise<QueuedHandoff[]> {
    return [...this.waiting.values()].sort(compareQueued).map((entry) => ({ ...entry }));
  }

  async claim(caseId: string): Promise<boolean> {
    return this.waiting.delete(caseId);
  }

  async remove(caseId: string): Promise<void> {
    this.waiting.delete(caseId);
  }
}
