// A written agreement's calendar and reference: due dates from the agreement day, and a typeable reference.
import { createHash } from 'node:crypto';
import type { Account } from './account.js';
import type { Agreement } from './case.js';
import type { Offer, Payment } from './offers/offer.js';

export interface DueDate {
  month: number;
  /** ISO date, YYYY-MM-DD. */
  dueDate: string;
  amountMinor: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Crockford's base 32: no I, L, O or U, so a reference read over the phone is not mistyped. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function daysInMonth(year: number, month1to12: number): number {
  return new Date(Date.UTC(year, month1to12, 0)).getUTCDate();
}

function parseIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(isoDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`expected an ISO date such as 2026-11-23, got ${JSON.stringify(isoDate)}`);
  }
  return { year, month, day };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The due date of each payment: payment `month` m falls m calendar months after `agreedOn`, on the
 * same day of the month, or the month's last day when it is shorter (agreed 2026-01-31 → 2026-02-28).
 */
export function dueDates(schedule: readonly Payment[], agreedOn: string): DueDate[] {
  const start = parseIsoDate(agreedOn);
  return schedule.map((payment) => {
    const monthIndex = start.month - 1 + payment.month;
    const year = start.year + Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const day = Math.min(start.day, daysInMonth(year, month));
    return {
      month: payment.month,
      dueDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
      amountMinor: payment.amountMinor,
    };
  });
}

/**
 * `XS-<agreement day>-<6 characters from a SHA-256 of the case id>`, e.g. `XS-20261123-7F3K9Q`; the n-th agreement
 * after a cancellation (`sequence` n > 0) hashes `<case id>#<n>`, so it never reuses a cancelled one's reference.
 */
export function agreementReference(caseId: string, agreedOn: string, sequence = 0): string {
  const { year, month, day } = parseIsoDate(agreedOn);
  const digest = createHash('sha256')
    .update(sequence > 0 ? `${caseId}#${sequence}` : caseId, 'utf8')
    .digest();
  let bits = digest.readUInt32BE(0);
  let code = '';
  for (let i = 0; i < 6; i += 1) {
    code += ALPHABET[bits & 31];
    bits >>>= 5;
  }
  return `XS-${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}-${code}`;
}

/** The agreement record, the same whoever records it (the bot on the borrower's consent, or an agent): reference and due dates from the day it is made. */
export function makeAgreement(input: {
  caseId: string;
  account: Pick<Account, 'accountRef' | 'currency'>;
  offer: Offer;
  at: string;
  recordedBy: string;
  /** Agreements of the case cancelled before this one. */
  sequence?: number;
}): Agreement {
  const day = input.at.slice(0, 10);
  return {
    reference: agreementReference(input.caseId, day, input.sequence),
    caseId: input.caseId,
    accountRef: input.account.accountRef,
    currency: input.account.currency,
    offer: input.offer,
    dueDates: dueDates(input.offer.schedule, day),
    agreedAt: input.at,
    recordedBy: input.recordedBy,
  };
}
