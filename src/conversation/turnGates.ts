// What a turn checks before planning: whether the borrower cancels an agreement, and the per-account identity lock.
import { randomUUID } from 'node:crypto';
import type { Agreement, CaseRecord } from '../domain/case.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { IncomingActivity } from '../bot/activitySchema.js';
import { accountIdentityKey } from '../domain/identityLock.js';
import { asksToCancel } from './cancelAgreement.js';
import { identityAnswerKey, isLockedBeforeAnswer, lockedByFailure } from './identityGate.js';
import { persistedContext } from './stepMachine.js';
import type { TurnAccounts } from './turnAccounts.js';
import type { TurnDeps } from './negotiationTurn.js';
import { MAX_READ_CHARS, planTurn, type TurnFacts } from './turnPlan.js';

/** The agreement in force when an agreed case's borrower asks to cancel it (read only then: one more round trip). */
export async function agreementToCancel(
  activity: IncomingActivity,
  existing: CaseRecord | undefined,
  caseId: string,
  deps: TurnDeps,
  bundle: DialogBundle,
): Promise<Agreement | undefined> {
  // A device that has not answered who it is (a new one on the link) cannot cancel anything.
  if (existing?.status !== 'agreed' || existing.reverify || activity.type !== 'message') return undefined;
  if (!asksToCancel(activity.text?.slice(0, MAX_READ_CHARS), bundle, existing.locale)) return undefined;
  const [agreement, cancellations] = await Promise.all([
    deps.store.agreement(caseId),
    deps.store.cancellations(caseId),
  ]);
  if (!agreement || cancellations.some((cancelled) => cancelled.reference === agreement.reference)) return undefined;
  return agreement.reference === existing.agreementRef ? agreement : undefined;
}
/** Plans the turn behind the per-account identity lock: a locked account's answers escalate with reason identityLocked. */
export async function planGatedTurn(
  activity: IncomingActivity,
  existing: CaseRecord | undefined,
  caseId: string,
  deps: TurnDeps,
  bundle: DialogBundle,
  accounts: TurnAccounts,
  facts: TurnFacts,
) {
  const key = activity.type === 'message' ? identityKeyAsked(existing, caseId) : undefined;
  const plan = (locked: boolean) => planTurn(activity, existing, caseId, deps, bundle, accounts, locked, facts);
  if (!key) return plan(false);
  const policy = bundle.policy.conversation.identity.accountLock;
  const locked = await isLockedBeforeAnswer(deps, { key, activity, policy });
  const planned = plan(locked);
  if (!planned?.identityRefused) return planned;
  const lockedNow = await lockedByFailure(deps, { key, attemptId: activity.id ?? randomUUID(), policy });
  return lockedNow && !locked ? plan(true) : planned;
}

/** The account key whose identity the case is asking for now (in the negotiation, or again on a new device after it). */
function identityKeyAsked(existing: CaseRecord | undefined, caseId: string): string | undefined {
  if (existing?.status === 'active') return identityAnswerKey(persistedContext(existing.snapshot, caseId));
  return existing?.reverify && existing.accountRef ? accountIdentityKey(existing.accountRef) : undefined;
}
