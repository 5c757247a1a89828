// A CaseStore that counts its calls and commit conflicts into the service metrics, whatever store it wraps.
import type { ServiceMetrics } from '../metrics/serviceMetrics.js';
import type { CaseCommit, CaseStore, CommitResult, LoadedCase } from './caseStore.js';

export function meteredCaseStore(store: CaseStore, metrics: ServiceMetrics): CaseStore {
  const count = (operation: string) => metrics.storeRoundTrips.inc({ operation });
  return {
    load(caseId: string, activityId?: string): Promise<LoadedCase> {
      count('load');
      return store.load(caseId, activityId);
    },
    async commit(commit: CaseCommit): Promise<CommitResult> {
      count('commit');
      const result = await store.commit(commit);
      if (!result.ok) metrics.storeConflicts.inc();
      return result;
    },
    transcript(caseId) {
      count('transcript');
      return store.transcript(caseId);
    },
    agreement(caseId) {
      count('agreement');
      return store.agreement(caseId);
    },
    cancellations(caseId) {
      count('cancellations');
      return store.cancellations(caseId);
    },
    erase(caseId) {
      count('erase');
      return store.erase(caseId);
    },
    waitingMarks() {
      count('waitingMarks');
      return store.waitingMarks();
    },
    unmarkWaiting(marks) {
      count('unmarkWaiting');
      return store.unmarkWaiting(marks);
    },
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
