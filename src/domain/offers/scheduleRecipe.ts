// A schedule's recipe: the few numbers `buildSchedule` turns back into exactly that schedule, so an offer can be stored
// without its payments (a 60-month plan is 60 payment objects; its recipe is eight integers).
import { z } from 'zod';
import type { Payment } from './offer.js';
import { buildSchedule, walkSchedule, type ScheduleSpec } from './schedule.js';

export const ScheduleSpecSchema = z.strictObject({
  principalMinor: z.number().int().nonnegative(),
  rateBps: z.number().int().nonnegative(),
  months: z.number().int().positive(),
  pauseMonths: z.number().int().nonnegative().optional(),
  pauseAccrues: z.boolean().optional(),
  feesMinor: z.number().int().nonnegative().optional(),
  regularMinor: z.number().int().nonnegative().optional(),
  regularMonths: z.number().int().nonnegative().optional(),
  unitMinor: z.number().int().positive().optional(),
}) satisfies z.ZodType<ScheduleSpec>;

/** Above any rate a policy could charge (1 000 % a year); a schedule needing more keeps its payments. */
const MAX_RATE_BPS = 100_000;
/** The display units a schedule can be rounded to (money.ts displayUnitMinor): whole units of TWD, or cents. */
const UNITS = [100, 1] as const;
/** At most this many rates charging the same total are tried (small balances rounded to whole units). */
const MAX_CANDIDATES = 64;
/** A pause accruing interest moves the total interest unevenly: rates this far either side of the guess are tried. */
const ACCRUING_SPREAD = 32;

const samePayment = (a: Payment, b: Payment) =>
  a.month === b.month &&
  a.amountMinor === b.amountMinor &&
  a.principalMinor === b.principalMinor &&
  a.interestMinor === b.interestMinor &&
  a.feesMinor === b.feesMinor &&
  a.regularMinor === b.regularMinor;

/** Whether `spec` builds exactly `schedule`, payment by payment. */
function rebuilds(spec: ScheduleSpec, schedule: readonly Payment[]): boolean {
  try {
    const built = buildSchedule(spec);
    return built.length === schedule.length && built.every((payment, i) => samePayment(payment, schedule[i]!));
  } catch {
    return false;
  }
}

function totalInterestMinor(spec: ScheduleSpec): number {
  let total = 0;
  walkSchedule(spec, (_month, _principal, interestMinor) => {
    total += interestMinor;
  });
  return total;
}

/** The lowest rate whose schedule charges at least `interestMinor` in total (total interest never falls as the rate rises). */
function lowestRateCharging(base: Omit<ScheduleSpec, 'rateBps'>, interestMinor: number): number {
  let low = 0;
  let high = MAX_RATE_BPS;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (totalInterestMinor({ ...base, rateBps: middle }) >= interestMinor) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Rates to try: those the first paying month's interest allows (it is the balance's interest rounded to the unit, exact
 * when the pause accrued nothing), then those around where the total interest is reached (with whole-unit rounding the
 * total does not always grow with the rate, so this is a guess the exact check confirms).
 */
function candidateRates(
  base: Omit<ScheduleSpec, 'rateBps'>,
  paying: readonly Payment[],
  interestMinor: number,
): number[] {
  if (interestMinor === 0) return [0, 1, 2];
  const rates: number[] = [];
  const unit = base.unitMinor ?? 1;
  const firstInterest = paying[0]!.interestMinor;
  if (!base.pauseAccrues && base.principalMinor > 0) {
    const low = Math.max(0, Math.ceil(((firstInterest - unit / 2) * 120_000) / base.principalMinor));
    const high = Math.floor(((firstInterest + unit / 2) * 120_000) / base.principalMinor);
    for (let rate = low; rate <= Math.min(high, low + MAX_CANDIDATES); rate += 1) rates.push(rate);
  }
  const first = lowestRateCharging(base, interestMinor);
  const spread = base.pauseAccrues ? ACCRUING_SPREAD : 2;
  for (let distance = 0; distance <= spread; distance += 1)
    for (const rate of distance === 0 ? [first] : [first - distance, first + distance])
      if (rate >= 0 && !rates.includes(rate)) rates.push(rate);
  return rates;
}

/**
 * The recipe of a schedule `buildSchedule` made, or undefined when none rebuilds it exactly (then it is kept as it is).
 * Amounts, terms and the pause are read off the schedule; the rate, the rounding unit and whether the pause accrued
 * interest are found by trying them, and only a recipe that rebuilds every payment to the minor unit is returned.
 */
export function scheduleRecipe(schedule: readonly Payment[]): ScheduleSpec | undefined {
  if (schedule.length === 0 || schedule.some((payment, i) => payment.month !== i + 1)) return undefined;
  const key = fingerprint(schedule);
  const known = recent.get(key);
  if (known && rebuilds(known, schedule)) return known;
  const found = searchRecipe(schedule);
  if (found) remember(key, found);
  return found;
}

/** The schedule a recipe makes; remembered, so storing that schedule again finds its recipe without a search. */
export function scheduleFromRecipe(recipe: ScheduleSpec): Payment[] {
  const schedule = buildSchedule(recipe);
  remember(fingerprint(schedule), recipe);
  return schedule;
}

/** Recipes found or used lately, by a summary of their schedule (a hit is still checked payment by payment). */
const recent = new Map<string, ScheduleSpec>();
const RECENT_MAX = 1000;

function remember(key: string, recipe: ScheduleSpec): void {
  recent.delete(key);
  recent.set(key, recipe);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

function fingerprint(schedule: readonly Payment[]): string {
  const first = schedule[0]!;
  const last = schedule.at(-1)!;
  return `${schedule.length}:${first.amountMinor}:${first.interestMinor}:${last.amountMinor}:${last.principalMinor}:${last.interestMinor}:${last.feesMinor}`;
}

function searchRecipe(schedule: readonly Payment[]): ScheduleSpec | undefined {
  let leadingZeros = 0;
  while (leadingZeros < schedule.length && schedule[leadingZeros]!.amountMinor === 0) leadingZeros += 1;
  // Leading zero payments are the pause, unless some of them are paying months rounded down to nothing.
  for (let pauseMonths = Math.min(leadingZeros, schedule.length - 1); pauseMonths >= 0; pauseMonths -= 1) {
    const recipe = recipeWithPause(schedule, pauseMonths);
    if (recipe) return recipe;
  }
  return undefined;
}

function recipeWithPause(schedule: readonly Payment[], pauseMonths: number): ScheduleSpec | undefined {
  const paying = schedule.slice(pauseMonths);
  const sum = (part: (payment: Payment) => number) => paying.reduce((total, payment) => total + part(payment), 0);
  const interestMinor = sum((payment) => payment.interestMinor);
  const feesMinor = sum((payment) => payment.feesMinor);
  const regularMonths = paying.filter((payment) => payment.regularMinor > 0).length;
  for (const unitMinor of UNITS) {
    for (const pauseAccrues of pauseMonths > 0 && interestMinor > 0 ? [false, true] : [false]) {
      const base: Omit<ScheduleSpec, 'rateBps'> = {
        principalMinor: sum((payment) => payment.principalMinor),
        months: paying.length,
        ...(pauseMonths > 0 ? { pauseMonths } : {}),
        ...(pauseAccrues ? { pauseAccrues } : {}),
        ...(feesMinor > 0 ? { feesMinor } : {}),
        ...(regularMonths > 0 ? { regularMinor: paying[0]!.regularMinor, regularMonths } : {}),
        ...(unitMinor > 1 ? { unitMinor } : {}),
      };
      let rates: number[];
      try {
        rates = candidateRates(base, paying, interestMinor);
      } catch {
        continue;
      }
      for (const rateBps of rates) {
        const spec = { ...base, rateBps };
        if (rebuilds(spec, schedule)) return spec;
      }
    }
  }
  return undefined;
}
