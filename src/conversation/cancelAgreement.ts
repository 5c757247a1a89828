// The borrower cancels an agreement within the policy window: a cancellation appended, the case back at the offers.
import type { StateValue } from 'xstate';
import type { Agreement, AgreementCancellation, CaseRecord } from '../domain/case.js';
import type { Locale } from '../domain/account.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { lexiconsInOrder } from '../dialogs/lexicon.js';
import { saysIntent } from '../dialogs/lexiconIndex.js';
import { normalizeText } from './recognize/normalize.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { fillTemplate } from '../dialogs/prompts.js';
import { PERSON_CHOICE } from '../../machines/actions.js';
import { statesTagged } from '../../machines/stateTags.js';
import type { NegotiationContext } from '../../machines/context.js';
import { renderReplies, type OutgoingMessage } from './render/renderReplies.js';
import { persistedContext, stepMachine } from './stepMachine.js';

export interface Cancelled {
  record: CaseRecord;
  append: TranscriptEntry[];
  replies: OutgoingMessage[];
  cancellation?: AgreementCancellation;
}

/** True while the agreement may still be cancelled by the borrower under the bundle's policy. */
export function isWithinCancelWindow(agreement: Agreement, bundle: DialogBundle, now: Date): boolean {
  const hours = bundle.policy.agreement.cancelWithinHours;
  return hours > 0 && now.getTime() - Date.parse(agreement.agreedAt) <= hours * 3_600_000;
}

/**
 * The agreement in force (the newest, not cancelled yet) is cancelled when the window is open: the agreement stays
 * stored as it was, a cancellation record is added, and the machine resumes at the offers (state tagged resume.offers).
 */
export function cancelAgreement(input: {
  record: CaseRecord;
  agreement: Agreement;
  bundle: DialogBundle;
  now: Date;
}): Cancelled {
  const { record, agreement, bundle, now } = input;
  const at = now.toISOString();
  const prompts = bundle.prompts[record.locale];
  const text = (key: string) =>
    fillTemplate(prompts.get(key) ?? key, {
      reference: agreement.reference,
      cancelHours: bundle.policy.agreement.cancelWithinHours,
    });
  const event = (name: string): TranscriptEntry => ({
    at,
    actor: 'bot',
    channelId: record.channelId,
    kind: 'event',
    text: name,
    data: { reference: agreement.reference, by: 'borrower' },
  });
  if (!isWithinCancelWindow(agreement, bundle, now))
    return {
      record,
      append: [event('agreement.cancelRefused')],
      replies: [{ type: 'message', locale: record.locale, text: text('agreement.cancelClosed') }],
    };
  const previous = persistedContext(record.snapshot, record.caseId);
  const presentedIds = previous?.presentedIds.length ? previous.presentedIds : [agreement.offer.id];
  const offers = previous?.offers.some((offer) => offer.id === agreement.offer.id)
    ? previous.offers
    : [agreement.offer, ...(previous?.offers ?? [])];
  const context: NegotiationContext = {
    ...previous!,
    offers,
    presentedIds,
    chosenOffer: undefined,
    counterAttempts: 0,
    counterMinimumMinor: undefined,
    misunderstandings: 0,
    escalation: undefined,
    cancelledAgreements: (previous?.cancelledAgreements ?? 0) + 1,
    lastAsk: { key: 'offers.choose', expects: 'offer', choices: [...presentedIds, 'another', PERSON_CHOICE] },
  };
  // `flows check` makes sure exactly one state carries the tag.
  const path = statesTagged(bundle.machine.root, 'resume.offers')[0]!.path;
  const resolved = bundle.machine.resolveState({ value: nest(path), context });
  const step = stepMachine(bundle.machine, bundle.machine.getPersistedSnapshot(resolved), { caseId: record.caseId }, [
    { type: 'repeat.requested' },
  ]);
  const replies = renderReplies(
    [{ type: 'say', key: 'agreement.cancelled' }, { type: 'say', key: 'offers.intro', card: 'offers' }, ...step.said],
    { context: step.context, locale: record.locale, prompts, figures: bundle.figures, agreement },
  );
  const { agreementRef: _cancelled, ...rest } = record;
  return {
    record: { ...rest, status: 'active', snapshot: step.persisted, lastActivityAt: at },
    append: [event('agreement.cancelled')],
    replies,
    cancellation: { reference: agreement.reference, caseId: record.caseId, cancelledAt: at, by: 'borrower' },
  };
}

function nest(path: readonly string[]): StateValue {
  return path.length === 1 ? path[0]! : { [path[0]!]: nest(path.slice(1)) };
}

/** Whether the message asks to cancel the agreement ("撤销协议", "cancel my agreement"), in any locale's words. */
export function asksToCancel(text: string | undefined, bundle: DialogBundle, locale: Locale): boolean {
  const normal = normalizeText(text ?? '');
  return normal !== '' && saysIntent(normal, lexiconsInOrder(bundle.lexicons, locale), 'cancelAgreement');
}
