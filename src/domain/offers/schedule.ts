// Exact repayment schedules: equal parts in minor units, the remainder on the last payment.
import type { Payment } from './offer.js';

export interface ScheduleOptions {
  /** Leading months with a payment of 0 (a grace pause), before the first paying month. */
  pauseMonths?: number;
}

/**
 * Splits `totalMinor` into `months` equal payments; the remainder goes to the last one, so the
 * parts add up to the total exactly. Pause months come first with 0 and are numbered too:
 * `buildSchedule(1000, 3, { pauseMonths: 1 })` → 0, 333, 333, 334 for months 1–4.
 */
export function buildSchedule(totalMinor: number, months: number, opts: ScheduleOptions = {}): Payment[] {
  const pauseMonths = opts.pauseMonths ?? 0;
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) throw new RangeError(`buildSchedule: totalMinor must be a non-negative integer, got ${totalMinor}`);
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`buildSchedule: months must be a positive integer, got ${months}`);
  if (!Number.isSafeInteger(pauseMonths) || pauseMonths < 0) throw new RangeError(`buildSchedule: pauseMonths must be a non-negative integer, got ${pauseMonths}`);
  const partMinor = Math.floor(totalMinor / months);
  const remainderMinor = totalMinor - partMinor * months;
  const schedule: Payment[] = [];
  for (let month = 1; month <= pauseMonths; month += 1) schedule.push({ month, amountMinor: 0 });
  for (let i = 1; i <= months; i += 1) {
    schedule.push({ month: pauseMonths + i, amountMinor: i === months ? partMinor + remainderMinor : partMinor });
  }
  return schedule;
}

/** The highest payment `buildSchedule(totalMinor, months)` would make (the last: a part plus the remainder), without building it. */
export function equalPartsHighestMinor(totalMinor: number, months: number): number {
  const partMinor = Math.floor(totalMinor / months);
  return partMinor + (totalMinor - partMinor * months);
}

/** The sum of a schedule's payments. */
export function scheduleTotalMinor(schedule: readonly Payment[]): number {
  return schedule.reduce((sum, payment) => sum + payment.amountMinor, 0);
}

/** The largest single payment of a schedule (0 for an empty one). */
export function highestPaymentMinor(schedule: readonly Payment[]): number {
  return schedule.reduce((max, payment) => Math.max(max, payment.amountMinor), 0);
}
