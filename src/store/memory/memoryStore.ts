// The embedded default: every store interface in this process's memory.
import type { Agreement, AgreementCancellation, CaseRecord } from '../../domain/case.js';
import type { TranscriptEntry } from '../../domain/transcript.js';
import type { CaseCommit, CaseStore, CommitResult, HandoffQueue, LoadedCase, QueuedHandoff } from '../caseStore.js';
import { compareQueued } from '../queueOrder.js';
import type { MemoryOutbox } from './memoryOutbox.js';
import { decodeJson, encodeJson } from '../storedJson.js';

/** Values are kept encoded as in Redis: compact (many open conversations per process) and never shared by reference. */
interface Stored {
  record: string;
  version: number;
}

const append = (lists: Map<string, string[]>, caseId: string, value: string) =>
  lists.set(caseId, [...(lists.get(caseId) ?? []), value]);

const decode = <T>(stored: string): T => JSON.parse(decodeJson(stored)) as T;

export class MemoryCaseStore implements CaseStore {
  private readonly cases = new Map<string, Stored>();
  /** One encoded element per commit, like the Redis list. */
  private readonly transcripts = new Map<string, string[]>();
  /** Every agreement of a case, oldest first; never changed once stored. */
  private readonly agreements = new Map<string, string[]>();
  private readonly cancelled = new Map<string, string[]>();
  /** activity id → when it stops being remembered (ms since epoch). */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly options: { dedupeTtlMs: number; now?: () => number; outbox?: MemoryOutbox } = {
      dedupeTtlMs: 24 * 3600_000,
    },
  ) {}

  async load(caseId: string, activityId?: string): Promise<LoadedCase> {
    const stored = this.cases.get(caseId);
    return {
      record: stored ? decode<CaseRecord>(stored.record) : undefined,
      version: stored?.version ?? 0,
      duplicate: activityId !== undefined && this.wasSeen(seenKey(caseId, activityId)),
    };
  }

  async commit(commit: CaseCommit): Promise<CommitResult> {
    const current = this.cases.get(commit.caseId)?.version ?? 0;
    if (current !== commit.expectedVersion) return { ok: false, reason: 'conflict' };
    const version = current + 1;
    this.cases.set(commit.caseId, { record: encodeJson(commit.record), version });
    if (commit.append.length > 0) {
      const transcript = this.transcripts.get(commit.caseId) ?? [];
      transcript.push(encodeJson(commit.append));
      this.transcripts.set(commit.caseId, transcript);
    }
    if (commit.agreement) append(this.agreements, commit.caseId, encodeJson(commit.agreement));
    if (commit.cancellation) append(this.cancelled, commit.caseId, encodeJson(commit.cancellation));
    if (commit.outbox?.length) this.options.outbox?.appendNow(commit.caseId, commit.outbox);
    if (commit.activityId !== undefined)
      this.seen.set(seenKey(commit.caseId, commit.activityId), this.now() + this.options.dedupeTtlMs);
    return { ok: true, version };
  }

  async transcript(caseId: string): Promise<TranscriptEntry[]> {
    return (this.transcripts.get(caseId) ?? []).flatMap((turn) => decode<TranscriptEntry[]>(turn));
  }

  async agreement(caseId: string): Promise<Agreement | undefined> {
    const agreement = this.agreements.get(caseId)?.at(-1);
    return agreement === undefined ? undefined : decode<Agreement>(agreement);
  }

  async cancellations(caseId: string): Promise<AgreementCancellation[]> {
    return (this.cancelled.get(caseId) ?? []).map((stored) => decode<AgreementCancellation>(stored));
  }

  async erase(caseId: string): Promise<void> {
    this.cases.delete(caseId);
    this.transcripts.delete(caseId);
    this.agreements.delete(caseId);
    this.options.outbox?.erase(caseId);
    this.cancelled.delete(caseId);
    for (const key of this.seen.keys()) if (key.startsWith(`${caseId}|`)) this.seen.delete(key);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}

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
