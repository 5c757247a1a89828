// Exact repayment schedules: each payment split into principal, interest and fees, in minor units, remainders on the last payment.
import type { Payment } from './offer.js';

export interface ScheduleSpec {
  /** The amount rescheduled that bears interest (balance, or the overdue part). */
  principalMinor: number;
  /** Nominal annual rate in basis points, charged monthly at rateBps / 12. */
  rateBps: number;
  /** Paying months, after the pause. */
  months: number;
  /** Leading months with a payment of 0 (a grace pause). */
  pauseMonths?: number;
  /** Whether interest accrues on the principal during the pause (paid later, as interest) or is frozen. */
  pauseAccrues?: boolean;
  /** Fees still owed (not waived): repaid in equal parts, no interest on them. */
  feesMinor?: number;
  /** A regular contract payment continuing alongside the plan in paying months 1…regularMonths (installment of arrears). */
  regularMinor?: number;
  regularMonths?: number;
  /** Every payment but the last is a multiple of this (100 for TWD, shown without cents); 1 otherwise. */
  unitMinor?: number;
}

const down = (amount: number, unit: number) => Math.floor(amount / unit) * unit;
const nearest = (amount: number, unit: number) => Math.round(amount / unit) * unit;

function check(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min)
    throw new RangeError(`schedule: ${name} must be an integer ≥ ${min}, got ${value}`);
}

/** Interest of one month on `balanceMinor` at `rateBps` a year, to the unit (half up). */
function monthlyInterest(balanceMinor: number, rateBps: number, unit: number): number {
  return nearest((balanceMinor * rateBps) / 120_000, unit);
}

/** Called once per month in order with the parts of that month's payment (numbers, so the hot term search allocates nothing). */
type Visit = (
  month: number,
  principalMinor: number,
  interestMinor: number,
  feesMinor: number,
  regularMinor: number,
) => void;

/**
 * Walks the schedule the spec describes, calling `visit` for each month in order. Interest is charged
 * monthly on the balance; the level payment (annuity) is rounded to the unit, the principal part of each
 * payment first pays off interest accrued during the pause; the last payment clears the balance and
 * takes every remainder, so principal, interest and fees add up to the totals exactly.
 */
export function walkSchedule(spec: ScheduleSpec, visit: Visit): void {
  const { principalMinor, rateBps, months } = spec;
  const pauseMonths = spec.pauseMonths ?? 0;
  const feesMinor = spec.feesMinor ?? 0;
  const unit = spec.unitMinor ?? 1;
  check('principalMinor', principalMinor, 0);
  check('rateBps', rateBps, 0);
  check('months', months, 1);
  check('pauseMonths', pauseMonths, 0);
  check('feesMinor', feesMinor, 0);
  check('unitMinor', unit, 1);
  if (!Number.isSafeInteger((principalMinor + feesMinor) * Math.max(1, rateBps)))
    throw new RangeError(
      `schedule: principalMinor × rateBps must stay a safe integer, got ${principalMinor} × ${rateBps}`,
    );
  let deferredMinor = 0;
  for (let month = 1; month <= pauseMonths; month += 1) {
    if (spec.pauseAccrues) deferredMinor += monthlyInterest(principalMinor, rateBps, unit);
    visit(month, 0, 0, 0, 0);
  }
  let balanceMinor = principalMinor + deferredMinor;
  const r = rateBps / 120_000;
  const level =
    r === 0 ? down(balanceMinor / months, unit) : nearest((balanceMinor * r) / (1 - (1 + r) ** -months), unit);
  const feePart = down(feesMinor / months, unit);
  const regularMinor = spec.regularMinor ?? 0;
  const regularMonths = spec.regularMonths ?? 0;
  for (let i = 1; i <= months; i += 1) {
    const last = i === months;
    const interestMinor = monthlyInterest(balanceMinor, rateBps, unit);
    const principalPart = last ? balanceMinor : Math.min(balanceMinor, Math.max(0, level - interestMinor));
    balanceMinor -= principalPart;
    const deferredPaid = Math.min(deferredMinor, principalPart);
    deferredMinor -= deferredPaid;
    const fees = last ? feesMinor - feePart * (months - 1) : feePart;
    visit(
      pauseMonths + i,
      principalPart - deferredPaid,
      interestMinor + deferredPaid,
      fees,
      i <= regularMonths ? regularMinor : 0,
    );
  }
}

/** The schedule as a list: `buildSchedule({ principalMinor: 1000, rateBps: 0, months: 3, pauseMonths: 1 })` → 0, 333, 333, 334. */
export function buildSchedule(spec: ScheduleSpec): Payment[] {
  const schedule: Payment[] = [];
  walkSchedule(spec, (month, principalMinor, interestMinor, feesMinor, regularMinor) => {
    schedule.push({
      month,
      amountMinor: principalMinor + interestMinor + feesMinor + regularMinor,
      principalMinor,
      interestMinor,
      feesMinor,
      regularMinor,
    });
  });
  return schedule;
}

/** The highest payment of the schedule, without building it (term search is hot). */
export function scheduleHighestMinor(spec: ScheduleSpec): number {
  let highest = 0;
  walkSchedule(spec, (_month, principalMinor, interestMinor, feesMinor, regularMinor) => {
    highest = Math.max(highest, principalMinor + interestMinor + feesMinor + regularMinor);
  });
  return highest;
}

/**
 * The first paying month's payment, without walking the schedule: never above the highest payment, and
 * never higher for a longer term (the level payment and the fee part only shrink as the term grows).
 */
function firstPaymentMinor(spec: ScheduleSpec): number {
  const unit = spec.unitMinor ?? 1;
  const feesMinor = spec.feesMinor ?? 0;
  const regularMinor = (spec.regularMonths ?? 0) >= 1 ? (spec.regularMinor ?? 0) : 0;
  const deferredMinor = spec.pauseAccrues
    ? (spec.pauseMonths ?? 0) * monthlyInterest(spec.principalMinor, spec.rateBps, unit)
    : 0;
  const balanceMinor = spec.principalMinor + deferredMinor;
  const interestMinor = monthlyInterest(balanceMinor, spec.rateBps, unit);
  if (spec.months === 1) return balanceMinor + interestMinor + feesMinor + regularMinor;
  const r = spec.rateBps / 120_000;
  const level =
    r === 0
      ? down(balanceMinor / spec.months, unit)
      : nearest((balanceMinor * r) / (1 - (1 + r) ** -spec.months), unit);
  return (
    Math.min(balanceMinor, Math.max(0, level - interestMinor)) +
    interestMinor +
    down(feesMinor / spec.months, unit) +
    regularMinor
  );
}

/**
 * The shortest term in [minMonths, maxMonths] whose highest payment is at most `limitMinor`. A binary search
 * on the first payment (a lower bound of the highest that never grows with the term) skips the terms that
 * cannot fit; from there the exact highest payment is checked term by term.
 */
export function shortestTermWithin(
  specFor: (months: number) => ScheduleSpec,
  minMonths: number,
  maxMonths: number,
  limitMinor: number,
): number | undefined {
  let low = minMonths;
  let high = maxMonths + 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (firstPaymentMinor(specFor(middle)) <= limitMinor) high = middle;
    else low = middle + 1;
  }
  for (let months = low; months <= maxMonths; months += 1) {
    if (scheduleHighestMinor(specFor(months)) <= limitMinor) return months;
  }
  return undefined;
}

/** The sum of a schedule's payments, regular payments included. */
export function scheduleTotalMinor(schedule: readonly Payment[]): number {
  return schedule.reduce((sum, payment) => sum + payment.amountMinor, 0);
}

/** The largest single payment of a schedule (0 for an empty one). */
export function highestPaymentMinor(schedule: readonly Payment[]): number {
  return schedule.reduce((max, payment) => Math.max(max, payment.amountMinor), 0);
}
