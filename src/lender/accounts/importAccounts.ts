// Imports NDJSON or CSV accounts: every good row upserted (in batches), every bad row answered with its line and reason.
import type { AccountDirectory } from '../../store/accountDirectory.js';
import { HttpError } from '../../errors.js';
import { csvRows, ndjsonRows, type RowResult } from './accountRows.js';

export const MAX_IMPORT_ROWS = 100_000;
const BATCH = 1000;

export type ImportFormat = 'ndjson' | 'csv';

export interface ImportReport {
  received: number;
  created: number;
  updated: number;
  rejected: Array<{ line: number; reason: string }>;
}

/** `application/x-ndjson` (or `application/jsonl`) and `text/csv`; anything else is 415. */
export function importFormatOf(contentType: string | undefined): ImportFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/jsonlines'].includes(type))
    return 'ndjson';
  if (type === 'text/csv') return 'csv';
  throw new HttpError(415, `content-type ${type || '(none)'}: send application/x-ndjson or text/csv`);
}

export async function importAccounts(
  accounts: AccountDirectory,
  text: string,
  format: ImportFormat,
): Promise<ImportReport> {
  const rows: RowResult[] = [...(format === 'csv' ? csvRows(text) : ndjsonRows(text))];
  if (rows.length > MAX_IMPORT_ROWS)
    throw new HttpError(413, `${rows.length} rows: at most ${MAX_IMPORT_ROWS} per import, split the file`);
  const report: ImportReport = { received: rows.length, created: 0, updated: 0, rejected: [] };
  const good = rows.flatMap((row) => ('account' in row ? [row.account] : []));
  for (const row of rows) if ('reason' in row) report.rejected.push({ line: row.line, reason: row.reason });
  for (let start = 0; start < good.length; start += BATCH) {
    for (const outcome of await accounts.upsert(good.slice(start, start + BATCH))) report[outcome] += 1;
  }
  return report;
}
