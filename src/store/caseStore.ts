// The seams every store implements: cases with their snapshot, transcript, agreements, de-duplication.
import type { Account } from '../domain/account.js';
import type { Agreement, AgreementCancellation, CaseRecord } from '../domain/case.js';
import type { LenderEvent } from '../domain/lenderEvent.js';
import type { TranscriptEntry } from '../domain/transcript.js';

export interface LoadedCase {
  /** Undefined for a conversation the store has never seen. */
  record: CaseRecord | undefined;
  /** The version to pass back to `commit`; 0 for a new case. */
  version: number;
  /** True when this activity id was committed before (a channel's redelivery). */
  duplicate: boolean;
  /**
   * The account directory's current account for the record's accountRef, when the store read it in the same step
   * (Redis outside Cluster: one round trip for both); `account` undefined: the directory has none. Absent: not read.
   */
  account?: { accountRef: string; account: Account | undefined };
}

export interface CaseCommit {
  caseId: string;
  expectedVersion: number;
  record: CaseRecord;
  /** Appended to the transcript in the same atomic step. */
  append: TranscriptEntry[];
  /** Marked as processed in the same atomic step. */
  activityId?: string;
  /** Stored in the same atomic step, never changed afterwards (a later one, after a cancellation, is kept beside it). */
  agreement?: Agreement;
  /**
   * Events for the lender, appended to the case's outbox in the same atomic step (transactional outbox):
   * a crash after the commit cannot lose them. See src/lender/events/outboxingCaseStore.ts.
   */
  outbox?: LenderEvent[];
  /** Appended in the same atomic step: the borrower cancelled the agreement in force within the policy window. */
  cancellation?: AgreementCancellation;
}

export type CommitResult = { ok: true; version: number } | { ok: false; reason: 'conflict' };

/** A case id recorded as possibly waiting for a person, and when it was last recorded so (ms, opaque). */
export interface WaitingMark {
  caseId: string;
  markedAt: number;
}

/** A case waits for a person when it is escalated and no agent holds it. */
export function isWaiting(record: CaseRecord): boolean {
  return record.status === 'escalated' && record.handoff !== undefined && !record.handoff.agentId;
}

/**
 * Cases keyed by case id. `load` and `commit` are the two round trips of an ordinary turn:
 * `commit` is compare-and-set on the version, so two instances never lose or double a turn.
 */
export interface CaseStore {
  load(caseId: string, activityId?: string): Promise<LoadedCase>;
  commit(commit: CaseCommit): Promise<CommitResult>;
  transcript(caseId: string): Promise<TranscriptEntry[]>;
  /** The newest agreement recorded for the case (cancelled or not: see `cancellations`). */
  agreement(caseId: string): Promise<Agreement | undefined>;
  /** Cancellations of the case's agreements, oldest first. */
  cancellations(caseId: string): Promise<AgreementCancellation[]>;
  /** Removes everything stored about a case (erasure on request). */
  erase(caseId: string): Promise<void>;
  /**
   * Cases that may be waiting for a person: a commit that leaves a case waiting marks it first, so a crash between
   * that commit and the queueing cannot hide the case (src/handoff/queueSweep.ts re-queues it). A superset.
   */
  waitingMarks(): Promise<WaitingMark[]>;
  /** Drops marks the sweep found stale, each only if it was not marked again since (`markedAt` unchanged). */
  unmarkWaiting(marks: readonly WaitingMark[]): Promise<void>;
  /** Resolves when the store can serve requests; rejects with StoreUnavailableError otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface QueuedHandoff {
  caseId: string;
  reason: string;
  priority: 'urgent' | 'high' | 'normal';
  queuedAt: string;
}

/** Escalated cases waiting for a person, ordered by priority then waiting time. */
export interface HandoffQueue {
  /** Idempotent: queuing a case twice keeps its first place. */
  enqueue(entry: QueuedHandoff): Promise<void>;
  list(): Promise<QueuedHandoff[]>;
  /** Atomically removes the case from the queue for one agent; false when someone else had it. */
  claim(caseId: string): Promise<boolean>;
  remove(caseId: string): Promise<void>;
}
