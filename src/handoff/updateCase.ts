// Every desk write to a case: load, decide, commit with compare-and-set, replay on a conflict.
import type { Agreement, CaseRecord } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { HttpError, XieshangError } from '../errors.js';
import type { CaseStore } from '../store/caseStore.js';

export interface CaseChange<T> {
  record: CaseRecord;
  append: TranscriptEntry[];
  agreement?: Agreement;
  /** What the caller gets back once the change is committed. */
  result: T;
}

const MAX_REPLAYS = 8;

/**
 * `decide` sees the current record and returns the change, or throws an HttpError when the
 * request no longer fits the case (e.g. someone else claimed it meanwhile). It may run more than once.
 */
export async function updateCase<T>(
  store: CaseStore,
  caseId: string,
  decide: (record: CaseRecord) => CaseChange<T> | Promise<CaseChange<T>>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
    const loaded = await store.load(caseId);
    if (!loaded.record) throw new HttpError(404, `case ${caseId} not found`);
    const change = await decide(loaded.record);
    const committed = await store.commit({
      caseId,
      expectedVersion: loaded.version,
      record: change.record,
      append: change.append,
      ...(change.agreement ? { agreement: change.agreement } : {}),
    });
    if (committed.ok) return change.result;
  }
  throw new XieshangError('XS_STORE_CONFLICT', `case ${caseId}: still conflicting after ${MAX_REPLAYS} replays`, {
    status: 409,
  });
}

export async function loadCase(store: CaseStore, caseId: string): Promise<CaseRecord> {
  const { record } = await store.load(caseId);
  if (!record) throw new HttpError(404, `case ${caseId} not found`);
  return record;
}
