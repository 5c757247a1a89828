// One turn, end to end: load the case, understand, step the machine, save atomically, reply.
import { randomUUID } from 'node:crypto';
import type { NegotiationEvent } from '../../machines/context.js';
import type { Locale } from '../domain/account.js';
import type { Agreement, AgreementCancellation, CaseRecord, Handoff } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle, DialogRegistry } from '../dialogs/dialogBundle.js';
import { XieshangError } from '../errors.js';
import type { AccountDirectory } from '../store/accountDirectory.js';
import type { CaseStore } from '../store/caseStore.js';
import { supportedLocale, type IncomingActivity } from '../bot/activitySchema.js';
import { caseIdFor } from './caseIdentity.js';
import { settleOutcome } from './caseOutcome.js';
import { joinPlainMessages, renderReplies, type OutgoingMessage } from './render/renderReplies.js';
import { persistedContext, stepMachine } from './stepMachine.js';
import { borrowerEntry, botEntries, conversationReference } from './transcriptEntries.js';
import { understand } from './understand.js';
import { TurnAccounts, accountInSnapshot, withCurrentAccount } from './turnAccounts.js';
import { identityAnswerKey, isLockedBeforeAnswer, lockedByFailure, type IdentityGateDeps } from './identityGate.js';
import { replyAfterTheEnd } from './afterTheEnd.js';
import { surveyOpen } from './surveyAnswer.js';
import { asksToCancel, cancelAgreement } from './cancelAgreement.js';
import { verifyAfterTheEnd } from './verifyAfterTheEnd.js';
import { backToOffersAfterReverifying } from './backToOffers.js';
import { accountIdentityKey } from '../domain/identityLock.js';
import type { FlowMetrics } from '../metrics/flowMetrics.js';
import { turnMetrics } from '../metrics/turnMetrics.js';

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
  /** Set on the turn that recorded an agreement: its plan starts (src/followup/). */
  agreed?: true;
}

/** Texts longer than this are read only in part; the borrower is told so politely. */
export const MAX_READ_CHARS = 2000;
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
    const bundle = loaded.record ? await deps.dialogs.get(loaded.record.flowVersion) : deps.dialogs.current();
    const accounts = new TurnAccounts(deps.accounts);
    const loadedAccount = accountInSnapshot(loaded.record?.snapshot);
    if (loadedAccount && loadedAccount.accountRef === loaded.record?.accountRef) accounts.know(loadedAccount);
    else if (loaded.record?.accountRef) await accounts.prefetchCurrent(loaded.record.accountRef);
    else if (!loaded.record) await accounts.prefetchChannelUser(`${activity.channelId}:${activity.from.id}`);
    const cancelling = await agreementToCancel(activity, loaded.record, caseId, deps, bundle);
    // A new device on an agreed case is shown the agreement once it has answered the identity questions.
    const agreement =
      loaded.record?.reverify && loaded.record.status === 'agreed' ? await deps.store.agreement(caseId) : undefined;
    const facts = { agreement, cancelling };
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
        ...(planned.agreement ? { agreed: true as const } : {}),
      };
  }
  // 503: the channel retries the activity later, when the other writers are done (nothing was written).
  throw new XieshangError('XS_STORE_CONFLICT', `case ${caseId}: still conflicting after ${MAX_REPLAYS} replays`, {
    status: 503,
  });
}

/** The agreement in force when an agreed case's borrower asks to cancel it (read only then: one more round trip). */
async function agreementToCancel(
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

/** What the turn read about an agreed case before planning: the agreement to show a new device, or to cancel. */
interface TurnFacts {
  agreement?: Agreement | undefined;
  cancelling?: Agreement | undefined;
}

/** Plans the turn behind the per-account identity lock: a locked account's answers escalate with reason identityLocked. */
async function planGatedTurn(
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

/** Everything the turn will write and say, computed without I/O so a conflict can simply replay it. */
function planTurn(
  activity: IncomingActivity,
  existing: CaseRecord | undefined,
  caseId: string,
  deps: TurnDeps,
  bundle: DialogBundle,
  accounts: TurnAccounts,
  identityLocked: boolean,
  facts: TurnFacts = {},
) {
  const now = deps.clock();
  const at = now.toISOString();
  if (existing && activity.type !== 'message') return undefined;
  // Only a new case looks up who the channel user is; an existing one already has its account.
  const channelAccount = existing ? undefined : accounts.findByChannelUser(`${activity.channelId}:${activity.from.id}`);
  let locale: Locale =
    existing?.locale ?? supportedLocale(activity.locale) ?? channelAccount?.borrower.preferredLocale ?? 'zh-CN';
  const record: CaseRecord = existing ?? {
    caseId,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    conversationRef: conversationReference(activity),
    ...(channelAccount ? { accountRef: channelAccount.accountRef } : {}),
    locale,
    flowVersion: bundle.version,
    snapshot: undefined,
    status: 'active',
    createdAt: at,
    lastActivityAt: at,
  };
  const rawText = activity.type === 'message' ? (activity.text ?? '') : undefined;
  const text = rawText?.slice(0, MAX_READ_CHARS);
  const previous = persistedContext(existing?.snapshot, caseId);
  const append: TranscriptEntry[] = [];
  const reverify = existing?.status !== 'active' ? existing?.reverify : undefined;
  if (rawText !== undefined)
    append.push(borrowerEntry(activity, rawText, reverify?.asking ?? previous?.lastAsk?.expects, at));

  if (existing && reverify) {
    const checked = verifyAfterTheEnd({
      record: { ...existing, reverify },
      text,
      value: activity.value,
      bundle,
      account: existing.accountRef ? accounts.current(existing.accountRef) : undefined,
      agreement: facts.agreement,
      identityLocked,
    });
    if (checked.handled)
      return {
        ...finish({ ...checked.record, lastActivityAt: at }, append, checked.replies, undefined, undefined),
        identityRefused: checked.identityRefused,
      };
  }
  if (existing && facts.cancelling) {
    const cancelled = cancelAgreement({ record: existing, agreement: facts.cancelling, bundle, now });
    return {
      ...finish(cancelled.record, [...append, ...cancelled.append], cancelled.replies, undefined, undefined),
      ...(cancelled.cancellation ? { cancellation: cancelled.cancellation } : {}),
    };
  }
  if (existing && existing.status !== 'active') {
    const after = replyAfterTheEnd({ record: existing, text, value: activity.value, bundle, at });
    return finish(
      { ...after.record, lastActivityAt: at },
      [...append, ...after.append],
      after.replies,
      undefined,
      after.escalated,
    );
  }

  const events: NegotiationEvent[] = [];
  const preface: OutgoingMessage[] = [];
  if (existing && now.getTime() - Date.parse(existing.lastActivityAt) > bundle.limits.reorientAfterMinutes * 60_000)
    events.push({ type: 'conversation.resumed' });
  if (rawText !== undefined && rawText.length > MAX_READ_CHARS)
    preface.push({ type: 'message', text: bundle.prompts[locale].get('common.trimmed') ?? '', locale });
  if (rawText !== undefined || activity.value !== undefined) {
    const understanding = understand({
      text,
      value: activity.value,
      context: previous,
      locale,
      bundle,
      accounts,
    });
    if (understanding.kind === 'locale') {
      locale = understanding.locale;
      preface.push({ type: 'message', text: bundle.prompts[locale].get('common.localeSwitched') ?? '', locale });
      append.push({
        at,
        actor: 'system',
        channelId: activity.channelId,
        kind: 'event',
        text: 'locale.switched',
        data: { locale },
      });
      events.push({ type: 'repeat.requested' });
    } else if (identityLocked && understanding.events.some(isIdentityAnswer)) {
      events.push({ type: 'identity.locked' });
    } else if (existing || !OPENING_ONLY.has(understanding.understood.type)) {
      events.push(...understanding.events);
    }
  }
  // The lender may have updated the account since the case found it: the turn decides on today's facts.
  const current = existing?.accountRef ? accounts.current(existing.accountRef) : undefined;
  const stepped = stepMachine(
    bundle.machine,
    withCurrentAccount(existing?.snapshot, current),
    { caseId, ...(channelAccount ? { account: channelAccount } : {}) },
    events,
  );
  const step = backToOffersAfterReverifying({ bundle, record, previous, step: stepped }) ?? stepped;
  const outcome = settleOutcome({ step, caseId, at });
  const replies = joinPlainMessages([
    ...preface,
    ...renderReplies(step.said, {
      context: step.context,
      locale,
      prompts: bundle.prompts[locale],
      figures: bundle.figures,
      ...outcome.render,
    }),
  ]);
  const next: CaseRecord = {
    ...record,
    locale,
    snapshot: step.persisted,
    status: outcome.status,
    ...(step.context.account ? { accountRef: step.context.account.accountRef } : {}),
    identityVerified: step.context.identityVerified,
    ...(outcome.handoff ? { handoff: outcome.handoff } : {}),
    ...(outcome.agreement ? { agreementRef: outcome.agreement.reference } : {}),
    lastActivityAt: at,
  };
  append.push(
    ...outcome.events.map((event) => ({
      at,
      actor: 'bot' as const,
      channelId: activity.channelId,
      kind: 'event' as const,
      ...event,
    })),
  );
  const metrics = turnMetrics({ bundle, previous: existing?.snapshot, step, agreement: outcome.agreement, at });
  const identityRefused =
    step.context.identityFailures > (previous?.identityFailures ?? 0) ||
    events.some((event) => event.type === 'identity.locked');
  return { ...finish(next, append, replies, outcome.agreement, outcome.handoff, metrics), identityRefused };

  function finish(
    next: CaseRecord,
    entries: TranscriptEntry[],
    replies: OutgoingMessage[],
    agreement: Agreement | undefined,
    escalated: Handoff | undefined,
    metrics?: ReturnType<typeof turnMetrics>,
  ) {
    return {
      record: next,
      append: [...entries, ...botEntries(replies, activity.channelId, at)],
      replies,
      agreement,
      escalated,
      metrics,
      identityRefused: false,
      cancellation: undefined as AgreementCancellation | undefined,
    };
  }
}

/** A first message that is only this opens the conversation: the opening already greets and asks. */
const OPENING_ONLY: ReadonlySet<string> = new Set(['input.unrecognized', 'greeting.said']);

function isIdentityAnswer(event: NegotiationEvent): boolean {
  return event.type === 'idLast4.given' || event.type === 'date.given';
}
