// When a failed webhook is tried again: 5 s, 30 s, then doubling from 2 minutes up to 2 hours; dead after 24 hours.
const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const RETRY_FOR_MS = 24 * 60 * MINUTE;
const FIRST_DELAYS = [5 * SECOND, 30 * SECOND];
const LONGEST_DELAY = 2 * 60 * MINUTE;

/** The wait after the `failures`-th failed attempt (1 = the first attempt failed). */
export function retryDelayMs(failures: number): number {
  const early = FIRST_DELAYS[failures - 1];
  if (early !== undefined) return early;
  return Math.min(LONGEST_DELAY, 2 * MINUTE * 2 ** (failures - 3));
}

/** The next attempt's time, or undefined when the next one would fall past 24 hours from the first (dead-letter). */
export function nextAttemptMs(firstAttemptMs: number, failures: number, nowMs: number): number | undefined {
  const next = nowMs + retryDelayMs(failures);
  return nowMs - firstAttemptMs >= RETRY_FOR_MS ? undefined : next;
}
