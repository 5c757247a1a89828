// The methods of a case store bound to it, for wrappers that change one or two of them and pass the rest on.
import type { CaseStore } from './caseStore.js';

/** A class's methods are not own properties a spread would copy: each is bound here once. */
export function delegateTo(store: CaseStore): CaseStore {
  return {
    load: (caseId, activityId) => store.load(caseId, activityId),
    commit: (commit) => store.commit(commit),
    transcript: (caseId) => store.transcript(caseId),
    agreement: (caseId) => store.agreement(caseId),
    cancellations: (caseId) => store.cancellations(caseId),
    erase: (caseId) => store.erase(caseId),
    waitingMarks: () => store.waitingMarks(),
    unmarkWaiting: (marks) => store.unmarkWaiting(marks),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}
