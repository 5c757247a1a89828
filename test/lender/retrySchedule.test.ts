// The webhook retry schedule: two quick retries, then exponential back-off capped at 2 hours, dead after 24 hours.
import { describe, expect, it } from 'vitest';
import { RETRY_FOR_MS, nextAttemptMs, retryDelayMs } from '../../src/lender/webhooks/retrySchedule.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The attempts of an event whose receiver never answers 2xx: their times (ms after the first), the last one dead. */
function attemptsOfAReceiverThatAlwaysFails(): number[] {
  const first = Date.parse('2026-11-30T00:00:00Z');
  const times = [0];
  for (let now = first, failures = 1; ; failures++) {
    const next = nextAttemptMs(first, failures, now);
    if (next === undefined) return times;
    times.push(next - first);
    now = next;
  }
}

describe('webhook retry schedule', () => {
  it('the first two retries come within a minute: after 5 s and after 30 s', () => {
    expect([retryDelayMs(1), retryDelayMs(2)]).toEqual([5 * SECOND, 30 * SECOND]);
    expect(retryDelayMs(1) + retryDelayMs(2)).toBeLessThan(MINUTE);
  });

  it('later retries double from 2 minutes and never wait more than 2 hours', () => {
    expect([3, 4, 5, 6, 7, 8].map(retryDelayMs)).toEqual([2, 4, 8, 16, 32, 64].map((m) => m * MINUTE));
    expect([9, 10, 15, 40, 1000].map(retryDelayMs)).toEqual([2, 2, 2, 2, 2].map((h) => h * HOUR));
  });

  it('an event keeps being retried for 24 hours, then is dead-lettered: 20 attempts, the last just past 24 h', () => {
    const times = attemptsOfAReceiverThatAlwaysFails();
    expect(RETRY_FOR_MS).toBe(24 * HOUR);
    expect(times).toHaveLength(20);
    expect(times.slice(0, 4)).toEqual([0, 5 * SECOND, 35 * SECOND, 35 * SECOND + 2 * MINUTE]);
    expect(times.at(-2)!).toBeLessThan(24 * HOUR);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(24 * HOUR);
    expect(times.at(-1)! - times.at(-2)!).toBe(2 * HOUR);
  });

  it('a failure 23 h 59 min after the first attempt is retried; one at 24 h is not', () => {
    const first = Date.parse('2026-11-30T00:00:00Z');
    expect(nextAttemptMs(first, 12, first + 24 * HOUR - MINUTE)).toBe(first + 24 * HOUR - MINUTE + 2 * HOUR);
    expect(nextAttemptMs(first, 12, first + 24 * HOUR)).toBeUndefined();
  });
});
