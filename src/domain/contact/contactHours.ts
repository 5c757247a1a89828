// Contact hours for anything proactive, in the borrower's own time zone: the jurisdiction's window, tightened by policy.
import { z } from 'zod';
import type { Jurisdiction } from '../offers/offerPolicy.js';

/** `HH:MM`, 24-hour clock. */
export const ClockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'HH:MM on a 24-hour clock');

export interface ContactHours {
  /** Minutes after local midnight when contact may start. */
  fromMinute: number;
  /** Minutes after local midnight when contact must have stopped (exclusive). */
  toMinute: number;
}

/**
 * The widest window each jurisdiction allows. CN 08:00–22:00 (China Banking Association collection guideline);
 * US 08:00–21:00 (Regulation F 1006.6(b)(1)(i), "before 9 p.m."); UK "reasonable hours" taken as 08:00–20:00.
 */
export const JURISDICTION_CONTACT_HOURS: Record<Jurisdiction, ContactHours> = {
  CN: { fromMinute: 8 * 60, toMinute: 22 * 60 },
  US: { fromMinute: 8 * 60, toMinute: 21 * 60 },
  UK: { fromMinute: 8 * 60, toMinute: 20 * 60 },
};

export const minuteOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The jurisdiction's window narrowed by the policy's own `from`/`to` (a policy may tighten it, never widen it). */
export function contactHoursFor(jurisdiction: Jurisdiction, policy?: { from?: string; to?: string }): ContactHours {
  const legal = JURISDICTION_CONTACT_HOURS[jurisdiction];
  return {
    fromMinute: Math.max(legal.fromMinute, policy?.from ? minuteOfDay(policy.from) : 0),
    toMinute: Math.min(legal.toMinute, policy?.to ? minuteOfDay(policy.to) : 24 * 60),
  };
}

const knownTimeZones = new Map<string, boolean>();

/** True for a time zone name the runtime knows (IANA, e.g. `Asia/Shanghai`); remembered, since an import asks 100 000 times. */
export function isTimeZone(name: string): boolean {
  let known = knownTimeZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(name, known);
  }
  return known;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes after local midnight at `at` in `timeZone`. */
export function localMinuteOfDay(at: Date, timeZone: string): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

export function isWithinContactHours(at: Date, timeZone: string, hours: ContactHours): boolean {
  const minute = localMinuteOfDay(at, timeZone);
  return minute >= hours.fromMinute && minute < hours.toMinute;
}

/** `at` itself when contact is allowed then, otherwise the start of the next window in the borrower's time zone. */
export function nextContactTime(at: Date, timeZone: string, hours: ContactHours): Date {
  if (isWithinContactHours(at, timeZone, hours)) return at;
  const minute = localMinuteOfDay(at, timeZone);
  const wait = minute < hours.fromMinute ? hours.fromMinute - minute : 24 * 60 - minute + hours.fromMinute;
  let candidate = new Date(Math.floor(at.getTime() / 60_000) * 60_000 + wait * 60_000);
  // A daylight-saving change on the way moves local time by up to an hour: step to the window's start.
  for (let guard = 0; guard < 120 && !isWithinContactHours(candidate, timeZone, hours); guard++)
    candidate = new Date(candidate.getTime() + 60_000);
  for (let guard = 0; guard < 120; guard++) {
    const earlier = new Date(candidate.getTime() - 60_000);
    if (earlier.getTime() <= at.getTime() || !isWithinContactHours(earlier, timeZone, hours)) break;
    candidate = earlier;
  }
  return candidate;
}
