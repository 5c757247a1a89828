// The answers that find and verify an account: the last four of a national ID, an account reference or a phone number.
import type { Understood } from './recognize.js';

const FULL_ID = /(?<![0-9a-z])[0-9]{14}([0-9]{3}[0-9x])(?![0-9a-z])/;
const LAST4 = /(?<![0-9a-z])([0-9]{3}[0-9x])(?![0-9a-z])/;

export function idLast4(text: string): Understood | undefined {
  const compact = /^[0-9x -]+$/.test(text) ? text.replace(/[ -]/g, '') : text;
  const found = FULL_ID.exec(compact)?.[1] ?? LAST4.exec(compact)?.[1];
  return found ? { type: 'idLast4.given', value: found.toUpperCase() } : undefined;
}

const ACCOUNT_REF = /(?<![a-z0-9])(?:[a-z]{1,6}-[a-z0-9]+(?:-[a-z0-9]+)*|[a-z]{1,6}[0-9]{4,})(?![a-z0-9-])/g;
const PHONE = /(?<![0-9+])\+?[0-9][0-9 -]{4,22}[0-9](?![0-9])/;

export function lookup(text: string): Understood | undefined {
  const accountRef = [...text.matchAll(ACCOUNT_REF)]
    .map((match) => match[0])
    .find((ref) => /[0-9]/.test(ref))
    ?.toUpperCase();
  const phoneText = PHONE.exec(accountRef ? text.replace(accountRef.toLowerCase(), ' ') : text)?.[0];
  const digits = phoneText?.replace(/[^0-9]/g, '') ?? '';
  const phone =
    digits.length >= 6 && digits.length <= 15 ? `${phoneText?.startsWith('+') ? '+' : ''}${digits}` : undefined;
  if (!accountRef && !phone) return undefined;
  return { type: 'lookup.given', ...(accountRef ? { accountRef } : {}), ...(phone ? { phone } : {}) };
}
