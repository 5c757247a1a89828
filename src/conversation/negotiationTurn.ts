// One turn, end to end: load the case, understand, step the machine, save atomically, reply.
import type { Account } from '../domain/account.js';
import type { Agreement, CaseRecord, Handoff } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle, DialogRegistry } from '../dialogs/dialogBundle.js';
import { XieshangError } from '../errors.js';
import type { AccountDirectory } from '../store/accountDirectory.js';
import type { CaseStore } from '../store/caseStore.js';
import type { IncomingActivity } from '../bot/activitySchema.js';
import { caseIdFor } from './caseIdentity.js';
import type { OutgoingMessage } from './render/renderReplies.js';
import { TurnAccounts, accountInSnapshot } from './turnAccounts.js';
import { surveyOpen } from './surveyAnswer.js';
import type { IdentityGateDeps } from './identityGate.js';
import { agreementToCancel, planGatedTurn } from './turnGates.js';
import type { FlowMetrics } from '../metrics/flowMetrics.js';

export interface TurnDeps extends IdentityGateDeps {
  store: CaseStore;
  accounts: AccountDirectory;
  dialogs: DialogRegistry;
  clock: () => Date;
  /** Counts transitions and offers per flow version; recorded only after a successful commit. */
  metrics?: FlowMetrics;
  /** Asked before a conversation's first case is created; throws (RateLimitedError) to refuse it. */
  admitNewConversation?: (activity: IncomingActivity) => Promise<void>;
  /** Asked once before a turn that escalates is saved; throws (RateLimitedError) to refuse it (a flood of escalations). */
  admitEscalation?: (activity: IncomingActivity) => Promise<void>;
  /** The flow a new case starts on (an experiment's arm); without it, the current version. */
  startingFlow?: (caseId: string) => Promise<{ bundle: DialogBundle; experiment?: string }>;
  /** Asked first for a message to an agreed case with a plan (src/followup: "my plan", check-in answers); undefined: not for it. */
  afterAgreement?: (activity: IncomingActivity) => Promise<{ replies: OutgoingMessage[] } | undefined>;
}

export interface TurnOutcome {
  kind: 'replied' | 'duplicate' | 'ignored';
  caseId: string;
  replies: OutgoingMessage[];
  /** Set on the turn a case was escalated: the bot queues it and emits `handoff.initiate`. */
  escalated?: { handoff: Handoff; record: CaseRecord };
  /** What this turn added to the transcript of a case with the agent desk (relayed to the agents' consoles). */
  forDesk?: TranscriptEntry[];
  /**
   * Set on any turn (a duplicate too) of a case waiting for a person that no agent holds: the bot queues
   * it again (idempotent), because an earlier delivery may have failed after its commit, before the queueing.
   */
  waitingForAgent?: Handoff;
  /**
   * Set on the turn that recorded an agreement: the one committed, and the account the turn read (the lender's current
   * facts) when it has it. Its plan starts from them (src/followup/).
   */
  agreed?: { agreement: Agreement; account?: Account };
}

export { MAX_READ_CHARS } from './turnPlan.js';
const MAX_REPLAYS = 8;

export async function runTurn(activity: IncomingActivity, deps: TurnDeps): Promise<TurnOutcome> {
  const caseId = caseIdFor(activity.channelId, activity.conversation.id);
  if (!isConversational(activity)) return { kind: 'ignored', caseId, replies: [] };
  let escalationAdmitted = false;
  for (let attempt = 0; attempt < MAX_REPLAYS; attempt++) {
    const loaded = await deps.store.load(caseId, activity.id);
    if (loaded.duplicate) return { kind: 'duplicate', caseId, replies: [], ...waitingForAgent(loaded.record) };
    if (loaded.record?.status === 'agreed' && loaded.record.plan && deps.afterAgreement) {
      const answered = await deps.afterAgreement(activity);
      if (answered) return { kind: 'replied', caseId, replies: answered.replies };
    }
    const starting = loaded.record ? undefined : await deps.startingFlow?.(caseId);
    const bundle = loaded.record
      ? await deps.dialogs.get(loaded.record.flowVersion)
      : (starting?.bundle ?? deps.dialogs.current());
    const accounts = new TurnAccounts(deps.accounts);
    const loadedAccount = accountInSnapshot(loaded.record?.snapshot);
    if (loadedAccount && loadedAccount.accountRef === loaded.record?.accountRef) accounts.know(loadedAccount);
    else if (loaded.record?.accountRef) await accounts.prefetchCurrent(loaded.record.accountRef);
    else if (!loaded.record) await accounts.prefetchChannelUser(`${activity.channelId}:${activity.from.id}`);
    const cancelling = await agreementToCancel(activity, loaded.record, caseId, deps, bundle);
    // A new device on an agreed case is shown the agreement once it has answered the identity questions.
    const agreement =
      loaded.record?.reverify && loaded.record.status === 'agreed' ? await deps.store.agreement(caseId) : undefined;
    const facts = { agreement, cancelling, experiment: starting?.experiment };
    let planned = await planGatedTurn(activity, loaded.record, caseId, deps, bundle, accounts, facts);
    if (await accounts.fetchMissing())
      planned = await planGatedTurn(activity, loaded.record, caseId, deps, bundle, accounts, facts);
    if (!planned) return { kind: 'ignored', caseId, replies: [] };
    if (!loaded.record && deps.admitNewConversation) await deps.admitNewConversation(activity);
    if (planned.escalated && !escalationAdmitted && deps.admitEscalation) {
      await deps.admitEscalation(activity);
      escalationAdmitted = true;
    }
    const result = await deps.store.commit({
      caseId,
      expectedVersion: loaded.version,
      record: planned.record,
      append: planned.append,
      ...(activity.id ? { activityId: activity.id } : {}),
      ...(planned.agreement ? { agreement: planned.agreement } : {}),
      ...(planned.cancellation ? { cancellation: planned.cancellation } : {}),
    });
    if (result.ok && planned.metrics && deps.metrics) await deps.metrics.record(planned.metrics);
    if (result.ok)
      return {
        kind: 'replied',
        caseId,
        replies: planned.replies,
        ...waitingForAgent(planned.escalated ? undefined : planned.record),
        ...(planned.escalated ? { escalated: { handoff: planned.escalated, record: planned.record } } : {}),
        ...(loaded.record?.status === 'escalated' || surveyOpen(loaded.record) ? { forDesk: planned.append } : {}),
        ...(planned.agreement ? { agreed: agreedWith(planned.agreement, planned.record) } : {}),
      };
  }
  // 503: the channel retries the activity later, when the other writers are done (nothing was written).
  throw new XieshangError('XS_STORE_CONFLICT', `case ${caseId}: still conflicting after ${MAX_REPLAYS} replays`, {
    status: 503,
  });
}

function agreedWith(agreement: Agreement, record: CaseRecord): NonNullable<TurnOutcome['agreed']> {
  const account = accountInSnapshot(record.snapshot);
  return account?.accountRef === agreement.accountRef ? { agreement, account } : { agreement };
}

function waitingForAgent(record: CaseRecord | undefined): { waitingForAgent?: Handoff } {
  return record?.status === 'escalated' && record.handoff && !record.handoff.agentId
    ? { waitingForAgent: record.handoff }
    : {};
}

function isConversational(activity: IncomingActivity): boolean {
  if (activity.type === 'message') return true;
  return (
    activity.type === 'conversationUpdate' &&
    (activity.membersAdded ?? []).some((member) => member.id !== activity.recipient.id)
  );
}
