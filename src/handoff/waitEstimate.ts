// A rough wait before a person joins: the case's place in the queue (priority first) times the minutes per case.
import type { QueuedHandoff } from '../store/caseStore.js';

/** Place 1 waits one slot; a case not (or no longer) in the queue counts as next. At least 1 minute. */
export function estimateWait(
  queue: readonly QueuedHandoff[],
  caseId: string,
  minutesPerCase: number,
): { position: number; minutes: number } {
  const index = queue.findIndex((entry) => entry.caseId === caseId);
  const position = index < 0 ? 1 : index + 1;
  return { position, minutes: Math.max(1, Math.ceil(position * minutesPerCase)) };
}
