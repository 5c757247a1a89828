// Import rows: NDJSON (one account JSON per line) or CSV (the documented header), each checked with the account schema.
import { z } from 'zod';
import { AccountSchema, type Account } from '../../domain/account.js';
import { describeIssues } from '../../zodIssues.js';

export type RowResult = { line: number; account: Account } | { line: number; reason: string };

/** The CSV header, in any column order; `channelUserIds` and `contactChannels` hold several values joined by `|`. */
export const CSV_COLUMNS = [
  'accountRef',
  'creditor',
  'product',
  'currency',
  'borrowerName',
  'phone',
  'idLast4',
  'birthDate',
  'timeZone',
  'preferredLocale',
  'balanceMinor',
  'overdueMinor',
  'feesMinor',
  'regularMonthlyMinor',
  'contractRateBps',
  'penaltyRateBps',
  'remainingMonths',
  'daysPastDue',
  'brokenArrangements12m',
  'status',
  'channelUserIds',
  'contactChannels',
] as const;
const REQUIRED = CSV_COLUMNS.filter(
  (column) =>
    ![
      'timeZone',
      'preferredLocale',
      'brokenArrangements12m',
      'status',
      'channelUserIds',
      'contactChannels',
      'currency',
    ].includes(column),
);
const NUMBERS = new Set([
  'balanceMinor',
  'overdueMinor',
  'feesMinor',
  'regularMonthlyMinor',
  'contractRateBps',
  'penaltyRateBps',
  'remainingMonths',
  'daysPastDue',
  'brokenArrangements12m',
]);

function problems(error: z.ZodError): string {
  return describeIssues(error, 'row');
}

function checked(line: number, value: unknown): RowResult {
  const parsed = AccountSchema.safeParse(value);
  return parsed.success ? { line, account: parsed.data } : { line, reason: problems(parsed.error) };
}

export function* ndjsonRows(text: string): Generator<RowResult> {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      yield { line: index + 1, reason: 'not a JSON object' };
      continue;
    }
    yield checked(index + 1, value);
  }
}

/** Splits one CSV line (RFC 4180 quoting within the line: "a, b" and "say ""hi"""). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

export function* csvRows(text: string): Generator<RowResult> {
  const lines = text.split(/\r?\n/);
  const header = csvFields((lines[0] ?? '').replace(/^\uFEFF/, '')).map((name) => name.trim());
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    yield {
      line: 1,
      reason: `CSV header: ${[unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '', missing.length ? `missing column(s) ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    };
    return;
  }
  for (let index = 1; index < lines.length; index++) {
    if (lines[index]!.trim() === '') continue;
    const fields = csvFields(lines[index]!);
    if (fields.length !== header.length) {
      yield { line: index + 1, reason: `${fields.length} fields, the header has ${header.length}` };
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, fields[i]!.trim()]));
    yield checked(index + 1, accountOfCsv(row));
  }
}

/** A CSV row as the account JSON: empty optional cells left out, numbers read as numbers, lists split at `|`. */
function accountOfCsv(row: Record<string, string>): unknown {
  const value = (name: string) => {
    const cell = row[name];
    if (cell === undefined || cell === '') return undefined;
    return NUMBERS.has(name) && /^-?\d+$/.test(cell) ? Number(cell) : cell;
  };
  const list = (name: string) => (row[name] ? row[name].split('|').map((part) => part.trim()) : undefined);
  const contactChannels = list('contactChannels')?.map((entry) => {
    const at = entry.indexOf(':');
    return { kind: entry.slice(0, at), address: entry.slice(at + 1) };
  });
  const entries = {
    accountRef: value('accountRef'),
    creditor: value('creditor'),
    product: value('product'),
    currency: value('currency'),
    borrower: Object.fromEntries(
      Object.entries({
        name: value('borrowerName'),
        phone: value('phone'),
        idLast4: value('idLast4'),
        birthDate: value('birthDate'),
        timeZone: value('timeZone'),
        preferredLocale: value('preferredLocale'),
      }).filter(([, v]) => v !== undefined),
    ),
    ...Object.fromEntries([...NUMBERS].map((name) => [name, value(name)])),
    status: value('status'),
    channelUserIds: list('channelUserIds'),
    contactChannels,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
