// The order of the agent queue: priority first (urgent, high, normal), then who waited longest.
import type { QueuedHandoff } from './caseStore.js';

export const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2 } as const;

export function compareQueued(a: QueuedHandoff, b: QueuedHandoff): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.queuedAt.localeCompare(b.queuedAt);
}
