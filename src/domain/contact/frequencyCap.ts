// Frequency caps on proactive contact: at most N attempts in any 24 hours and M in any 7 days.
import { z } from 'zod';

export const FrequencyCapSchema = z.strictObject({
  /** Attempts in any rolling 24 hours (CN guideline: at most 6 unanswered a day). */
  maxPerDay: z.number().int().min(1).max(6),
  /** Attempts in any rolling 7 days (US Regulation F's 7-in-7 presumption for calls). */
  maxPer7Days: z.number().int().min(1).max(42),
});
export type FrequencyCap = z.infer<typeof FrequencyCapSchema>;

const DAY_MS = 24 * 3600_000;

export type CapCheck = { allowed: true } | { allowed: false; reason: 'dailyCap' | 'weeklyCap'; retryAt: Date };

/** Whether one more attempt fits at `now`, given the times of earlier attempts; if not, when the oldest one ages out. */
export function checkFrequency(attempts: readonly Date[], now: Date, cap: FrequencyCap): CapCheck {
  const nowMs = now.getTime();
  const within = (windowMs: number) =>
    attempts
      .map((attempt) => attempt.getTime())
      .filter((ms) => ms > nowMs - windowMs && ms <= nowMs)
      .sort((a, b) => a - b);
  const day = within(DAY_MS);
  if (day.length >= cap.maxPerDay)
    return { allowed: false, reason: 'dailyCap', retryAt: new Date(day[day.length - cap.maxPerDay]! + DAY_MS) };
  const week = within(7 * DAY_MS);
  if (week.length >= cap.maxPer7Days)
    return {
      allowed: false,
      reason: 'weeklyCap',
      retryAt: new Date(week[week.length - cap.maxPer7Days]! + 7 * DAY_MS),
    };
  return { allowed: true };
}

/** Attempts older than 7 days no longer count: what a store of attempts needs to keep. */
export function recentAttempts(attempts: readonly Date[], now: Date): Date[] {
  return attempts.filter((attempt) => attempt.getTime() > now.getTime() - 7 * DAY_MS);
}
