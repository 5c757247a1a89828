// Reconciles the agent queue with the cases: a case waiting for a person but missing from the queue is queued again.
import type { Logger } from 'pino';
import { isWaiting, type WaitingMark } from '../store/caseStore.js';
import type { DeskDeps } from './deskDeps.js';

export interface SweepResult {
  /** Cases that were waiting for a person but not in the queue, now queued (urgent ones first again). */
  requeued: string[];
  /** Queue entries of cases that no longer wait (claimed, handed back, closed, expired, erased), removed. */
  removed: string[];
}

/**
 * The queue lives on its own Redis slot, so an escalation cannot be queued in the case's own commit: the store marks
 * every case a commit leaves waiting before that commit, and this sweep (periodic, on every instance; idempotent)
 * queues any marked case still waiting that the queue lacks, then drops marks and entries that no longer wait.
 */
export async function sweepQueue(deps: Pick<DeskDeps, 'store' | 'queue' | 'events' | 'clock'>): Promise<SweepResult> {
  const [marks, queued] = await Promise.all([deps.store.waitingMarks(), deps.queue.list()]);
  const inQueue = new Set(queued.map((entry) => entry.caseId));
  const stale: WaitingMark[] = [];
  const result: SweepResult = { requeued: [], removed: [] };
  for (const mark of marks) {
    const { record } = await deps.store.load(mark.caseId);
    if (!record || !isWaiting(record)) stale.push(mark);
    else if (!inQueue.has(mark.caseId)) {
      const { reason, priority, queuedAt } = record.handoff!;
      await deps.queue.enqueue({ caseId: mark.caseId, reason, priority, queuedAt });
      result.requeued.push(mark.caseId);
    }
  }
  for (const entry of queued) {
    const { record } = await deps.store.load(entry.caseId);
    if (record && isWaiting(record)) continue;
    await deps.queue.remove(entry.caseId);
    result.removed.push(entry.caseId);
  }
  await deps.store.unmarkWaiting(stale);
  const at = deps.clock().toISOString();
  for (const caseId of [...result.requeued, ...result.removed])
    await deps.events.publish({ type: 'queue.changed', caseId, at });
  return result;
}

/** Runs `sweepQueue` every `everyMs` until closed; a failed sweep is logged and the next one tries again. */
export function sweepQueuePeriodically(
  deps: Pick<DeskDeps, 'store' | 'queue' | 'events' | 'clock'>,
  everyMs: number,
  logger: Logger,
): { close(): void } {
  const timer = setInterval(() => {
    sweepQueue(deps).then(
      ({ requeued, removed }) => {
        if (requeued.length > 0 || removed.length > 0) logger.warn({ requeued, removed }, 'agent queue repaired');
      },
      (error: unknown) => logger.warn({ err: error }, 'agent queue sweep failed; trying again later'),
    );
  }, everyMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}
