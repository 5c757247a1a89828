// The contact log in this process's memory.
import { ATTEMPTS_KEPT_MS, type ContactLog, type ContactState } from '../contactLog.js';

export class MemoryContactLog implements ContactLog {
  private readonly states = new Map<string, { caseId?: string; optedOutAt?: string; attempts: Map<string, Date> }>();

  async state(accountRef: string): Promise<ContactState> {
    const state = this.states.get(accountRef.toUpperCase());
    return {
      ...(state?.caseId ? { caseId: state.caseId } : {}),
      ...(state?.optedOutAt ? { optedOutAt: state.optedOutAt } : {}),
      attempts: [...(state?.attempts.values() ?? [])],
    };
  }

  async linkCase(accountRef: string, caseId: string): Promise<void> {
    this.of(accountRef).caseId = caseId;
  }

  async optOut(accountRef: string, at: string): Promise<void> {
    this.of(accountRef).optedOutAt ??= at;
  }

  async recordAttempt(accountRef: string, attemptId: string, at: Date): Promise<void> {
    const attempts = this.of(accountRef).attempts;
    attempts.set(attemptId, at);
    for (const [id, when] of attempts) if (when.getTime() < at.getTime() - ATTEMPTS_KEPT_MS) attempts.delete(id);
  }

  private of(accountRef: string) {
    const ref = accountRef.toUpperCase();
    let state = this.states.get(ref);
    if (!state) this.states.set(ref, (state = { attempts: new Map() }));
    return state;
  }
}
