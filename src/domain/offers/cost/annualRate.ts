// The annualised rate of a schedule (年化利率): 12 × the monthly internal rate of return, as PBOC 2021 and TILA's actuarial method state it.
import type { Payment } from '../offer.js';

/** The present value at monthly rate `i` of the plan's own payments (regular contract payments aside), and its derivative. */
function npv(schedule: readonly Payment[], i: number): { value: number; slope: number } {
  let value = 0;
  let slope = 0;
  // Months run 1, 2, … n (buildSchedule), so the discount factor is carried from one month to the next.
  const step = 1 / (1 + i);
  let discount = 1;
  let month = 0;
  for (const p of schedule) {
    for (; month < p.month; month += 1) discount *= step;
    const own = p.amountMinor - p.regularMinor;
    value += own * discount;
    slope -= p.month * own * discount * step;
  }
  return { value, slope };
}

/**
 * The nominal annual rate in basis points at which the plan's payments are worth, discounted monthly, what it
 * reschedules (principal and fees owed today): 12 × i where Σ payment_m / (1 + i)^m = principal + fees.
 * 0 when the plan charges no interest. Newton's method from the bisection interval [0, 100% a month].
 */
export function scheduleAprBps(schedule: readonly Payment[]): number {
  let financed = 0;
  let interest = 0;
  for (const p of schedule) {
    financed += p.principalMinor + p.feesMinor;
    interest += p.interestMinor;
  }
  if (interest === 0 || financed === 0) return 0;
  let low = 0;
  let high = 1;
  // A level-payment loan of n months pays about financed × i × (n + 1) / 2 in interest: a start close to the answer.
  const months = schedule.at(-1)?.month ?? 1;
  let i = Math.min(0.5, (2 * interest) / (financed * (months + 1)));
  for (let step = 0; step < 100; step += 1) {
    const { value, slope } = npv(schedule, i);
    const gap = value - financed;
    if (Math.abs(gap) < 1e-7 * financed) break;
    if (gap > 0) low = i;
    else high = i;
    const next = i - gap / slope;
    i = next > low && next < high ? next : (low + high) / 2;
  }
  return Math.round(i * 12 * 10_000);
}
