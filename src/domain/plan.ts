// An agreed plan as it runs: instalments with what was paid, missed payments, the promised waiver, promises to pay.
import { z } from 'zod';

export const InstalmentSchema = z.object({
  n: z.number().int().min(1),
  /** ISO date, YYYY-MM-DD, in the borrower's time zone. */
  dueDate: z.iso.date(),
  amountMinor: z.number().int().nonnegative(),
  paidMinor: z.number().int().nonnegative(),
  status: z.enum(['upcoming', 'paid', 'paidLate', 'missed']),
});
export type Instalment = z.infer<typeof InstalmentSchema>;

export const PlanFiguresSchema = z.object({
  remindDaysBefore: z.number().int(),
  graceDays: z.number().int(),
  answerWithinDays: z.number().int(),
  promiseWithinDays: z.number().int(),
  brokenAfterMissed: z.number().int(),
  dueDayMovesPerPlan: z.number().int(),
  reviewEveryMonths: z.number().int(),
  /** On-time payments that earn the waiver; 0 when the plan promises none. */
  waiverAfterPayments: z.number().int(),
});
export type PlanFigures = z.infer<typeof PlanFiguresSchema>;

export const PlanContextSchema = z.object({
  caseId: z.string(),
  reference: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  /** Local time of day (HH:MM) reminders and reviews are planned at: when the borrower agreed. */
  contactTime: z.string(),
  agreedOn: z.iso.date(),
  instalments: z.array(InstalmentSchema),
  /** Index of the first instalment not yet paid in full (instalments.length once all are). */
  current: z.number().int(),
  missed: z.number().int(),
  onTime: z.number().int(),
  waiver: z.enum(['none', 'pending', 'earned', 'voided']),
  promise: z.object({ byDate: z.iso.date(), state: z.enum(['open', 'kept', 'broken']) }).optional(),
  dueDayMoves: z.number().int(),
  reviews: z.number().int(),
  figures: PlanFiguresSchema,
});
export type PlanContext = z.infer<typeof PlanContextSchema>;

/** The plan part of a case record: the plan machine's persisted snapshot and its leaf state. */
export const PlanRecordSchema = z.object({
  snapshot: z.unknown(),
  state: z.string(),
  startedAt: z.iso.datetime(),
  /** Proactive messages sent (ISO times): the frequency cap counts them. */
  contacts: z.array(z.iso.datetime()).default([]),
  /** Scheduled jobs already handled (ids): a job delivered twice changes nothing the second time. */
  handled: z.array(z.string()).default([]),
  /**
   * Proactive messages the contact gate held (a payment's thank-you at night, over a cap): sent by the `deliver` job
   * at the next allowed time, never dropped unless the borrower opts out.
   */
  held: z.array(z.record(z.string(), z.unknown())).default([]),
  /** Earlier plans of this case (a plan broken, then 二次协商 and a new agreement): kept as they ended. */
  earlier: z
    .array(
      z.object({ reference: z.string(), state: z.string(), startedAt: z.iso.datetime(), endedAt: z.iso.datetime() }),
    )
    .default([]),
  /**
   * The account's broken arrangements once this case broke one (二次协商), committed with the break: a load never
   * shows the account with fewer, so the stricter policy holds even when the directory's copy was not updated.
   */
  brokenArrangements12m: z.number().int().nonnegative().optional(),
});
export type PlanRecord = z.infer<typeof PlanRecordSchema>;

const DAY_MS = 86_400_000;

/** `2026-03-01` plus `days` (may be negative). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `months` calendar months later, or the month's last day when it is shorter. */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const index = m - 1 + months;
  const year = y + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const localFormats = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string): Record<string, number> {
  let format = localFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    localFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** The local calendar date (YYYY-MM-DD) and time (HH:MM) of an instant in `timeZone`. */
export function localDateTime(at: Date, timeZone: string): { date: string; time: string } {
  const p = localParts(at, timeZone);
  const two = (n: number | undefined) => String(n ?? 0).padStart(2, '0');
  return { date: `${p.year}-${two(p.month)}-${two(p.day)}`, time: `${two(p.hour)}:${two(p.minute)}` };
}

/** The instant a local date and time (`HH:MM`) names in `timeZone` (the first one on a DST overlap). */
export function instantOf(isoDate: string, time: string, timeZone: string): Date {
  const naive = Date.parse(`${isoDate}T${time}:00Z`);
  let guess = naive;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    guess += naive - shown;
  }
  return new Date(guess);
}

/** The end of a local day (23:59:59) as an instant: a payment by then counts for that day. */
export function endOfLocalDay(isoDate: string, timeZone: string): Date {
  return new Date(instantOf(isoDate, '23:59', timeZone).getTime() + 59_000);
}
