// Everything one turn will write and say, computed without I/O (so a conflict can simply replay it).
import type { NegotiationEvent } from '../../machines/context.js';
import type { Locale } from '../domain/account.js';
import type { Agreement, AgreementCancellation, CaseRecord, Handoff } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { supportedLocale, type IncomingActivity } from '../bot/activitySchema.js';
import { settleOutcome } from './caseOutcome.js';
import { joinPlainMessages, renderReplies, type OutgoingMessage } from './render/renderReplies.js';
import { persistedContext, stepMachine } from './stepMachine.js';
import { borrowerEntry, botEntries, conversationReference } from './transcriptEntries.js';
import { understand } from './understand.js';
import { withCurrentAccount, type TurnAccounts } from './turnAccounts.js';
import { replyAfterTheEnd } from './afterTheEnd.js';
import { cancelAgreement } from './cancelAgreement.js';
import { verifyAfterTheEnd } from './verifyAfterTheEnd.js';
import { backToOffersAfterReverifying } from './backToOffers.js';
import { turnMetrics } from '../metrics/turnMetrics.js';
import type { TurnDeps } from './negotiationTurn.js';

/** Texts longer than this are read only in part; the borrower is told so politely. */
export const MAX_READ_CHARS = 2000;

/** What the turn read about an agreed case before planning: the agreement to show a new device, or to cancel. */
export interface TurnFacts {
  agreement?: Agreement | undefined;
  cancelling?: Agreement | undefined;
  /** A new case in an experiment: the experiment that chose its version (recorded on the case). */
  experiment?: string | undefined;
}
/** Everything the turn will write and say, computed without I/O so a conflict can simply replay it. */
export function planTurn(
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
    ...(facts.experiment ? { experiment: facts.experiment } : {}),
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
  const metrics = turnMetrics({
    bundle,
    previous: existing?.snapshot,
    step,
    agreement: outcome.agreement,
    at,
    handoff: outcome.handoff,
    experiment: record.experiment,
  });
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
