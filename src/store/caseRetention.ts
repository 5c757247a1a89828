// How long a case is kept after its last change, by its state: every state expires, none is kept for ever.
import type { CaseStatus } from '../domain/case.js';

/** Seconds a case in this state is kept after its last commit. */
export type CaseRetention = (status: CaseStatus) => number;

export interface RetentionDays {
  /** Open with the bot (policy `retention.activeIdleDays`). */
  activeIdleDays: number;
  /** With the desk (policy `retention.escalatedIdleDays`). */
  escalatedIdleDays: number;
  /** Agreed or closed (RETENTION_DAYS). */
  endedDays: number;
}

const DAY_SECONDS = 86_400;

export function caseRetention(days: () => RetentionDays): CaseRetention {
  return (status) => {
    const { activeIdleDays, escalatedIdleDays, endedDays } = days();
    const chosen = status === 'active' ? activeIdleDays : status === 'escalated' ? escalatedIdleDays : endedDays;
    return chosen * DAY_SECONDS;
  };
}
