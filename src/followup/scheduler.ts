// The scheduler port: jobs due at a time (reminders, grace ends, check-in deadlines, reviews), each run once.
import type { JobKind } from '../../machines/planSetup.js';

/** The plan's own jobs, and `deliver`: messages the contact gate held, sent at the next allowed time. */
export type DueJobKind = JobKind | 'deliver';

export interface DueJob {
  /** Unique per occurrence (`<caseId>:<plan>:<kind>:<n>`): scheduling the same id twice keeps one job. */
  id: string;
  caseId: string;
  kind: DueJobKind;
  /** The agreement reference of the plan the job is about: a job of an earlier plan of the case changes nothing. */
  plan?: string;
  /** The instalment (or review) number the job is about. */
  n: number;
  /** ISO instant the job falls due. */
  dueAt: string;
}

/** Runs one job; a throw is retried later (the handler must be idempotent: it is, through the plan's handled ids). */
export type JobHandler = (job: DueJob) => Promise<void>;

export interface Scheduler {
  /** Idempotent on `job.id`. A job already due runs as soon as a worker is free. */
  schedule(job: DueJob): Promise<void>;
  /** Starts running due jobs through `handler` (once per process). */
  start(handler: JobHandler): void;
  /**
   * The test clock: runs every job due at or before `until`, one at a time, in due order (jobs those jobs schedule
   * included); `moveTo` is called with each job's due time first, so the service's time follows. Returns how many ran.
   */
  runDue(until: Date, moveTo: (at: Date) => Promise<void>): Promise<number>;
  /** Jobs scheduled and not yet run (for tests and the console). */
  pending(): Promise<DueJob[]>;
  /** The due time (ISO) of the earliest job not yet run (waiting, retrying or not yet due), for /metrics; undefined: none. */
  earliestDue(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** A plan's job id: a second plan of the same case (二次协商) never collides with the first plan's jobs. */
export function jobId(caseId: string, plan: string, kind: DueJobKind, n: number | string): string {
  return `${caseId}:${plan}:${kind}:${n}`;
}

/** Earliest first; ties by id, so the order never depends on insertion. */
export function byDueTime(a: DueJob, b: DueJob): number {
  return a.dueAt === b.dueAt ? a.id.localeCompare(b.id) : a.dueAt < b.dueAt ? -1 : 1;
}
