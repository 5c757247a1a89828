// A case past its negotiation opened on a new device: the identity questions there, then only what the case may show.
import { initialContext } from '../../machines/context.js';
import type { Account } from '../domain/account.js';
import type { Agreement, CaseRecord } from '../domain/case.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { fillTemplate } from '../dialogs/prompts.js';
import { recognize } from './recognize/recognize.js';
import { renderReplies, type OutgoingMessage } from './render/renderReplies.js';
import { persistedContext } from './stepMachine.js';

export type Reverify = NonNullable<CaseRecord['reverify']>;

/** Intents answered as after the end even while the identity is asked (a person, a dispute, vulnerability, stop). */
export const ANSWERED_AS_AFTER_THE_END = new Set([
  'vulnerability.disclosed',
  'dispute.raised',
  'human.requested',
  'stop.requested',
]);

/** What the bot says when a device joins such a case: it asks the first identity question. */
export function startReverifying(
  record: CaseRecord,
  bundle: DialogBundle,
): { reverify: Reverify; replies: OutgoingMessage[] } {
  const prompts = bundle.prompts[record.locale];
  return {
    reverify: { asking: 'idLast4', failures: 0 },
    replies: [
      { type: 'message', text: prompts.get('identity.newDevice') ?? '', locale: record.locale },
      ask(record, bundle, 'identity.askIdLast4'),
    ],
  };
}

/**
 * One answer to the identity questions of a case past its negotiation. `handled: false` for what the usual
 * after-the-end replies answer (a request for a person…). Nothing of the case is said before the check passes.
 */
export function verifyAfterTheEnd(input: {
  record: CaseRecord & { reverify: Reverify };
  text: string | undefined;
  value: unknown;
  bundle: DialogBundle;
  account: Account | undefined;
  agreement: Agreement | undefined;
  identityLocked: boolean;
}): { handled: false } | { handled: true; record: CaseRecord; replies: OutgoingMessage[]; identityRefused: boolean } {
  const { record, bundle, account } = input;
  const { reverify } = record;
  const prompts = bundle.prompts[record.locale];
  const say = (key: string): OutgoingMessage => ({
    type: 'message',
    text: prompts.get(key) ?? key,
    locale: record.locale,
  });
  const understood = recognize({
    text: input.text,
    value: input.value,
    expects: { kind: reverify.asking },
    locale: record.locale,
    currency: account?.currency ?? 'CNY',
    lexicons: bundle.lexicons,
    choiceLabels: {},
  });
  if (ANSWERED_AS_AFTER_THE_END.has(understood.type)) return { handled: false };
  const maxTries = bundle.policy.conversation.identity.maxTries;
  if (input.identityLocked || reverify.failures >= maxTries)
    return { handled: true, record, replies: [say('identity.notVerifiedHere')], identityRefused: input.identityLocked };
  if (reverify.asking === 'idLast4') {
    if (understood.type !== 'idLast4.given')
      return { handled: true, record, replies: [ask(record, bundle, 'identity.askIdLast4')], identityRefused: false };
    const matched = account !== undefined && understood.value.toUpperCase() === account.borrower.idLast4.toUpperCase();
    return {
      handled: true,
      record: { ...record, reverify: { asking: 'date', idLast4Matched: matched, failures: reverify.failures } },
      replies: [ask(record, bundle, 'identity.askBirthDate')],
      identityRefused: false,
    };
  }
  if (understood.type !== 'date.given')
    return { handled: true, record, replies: [ask(record, bundle, 'identity.askBirthDate')], identityRefused: false };
  if (reverify.idLast4Matched === true && account !== undefined && understood.date === account.borrower.birthDate) {
    const { reverify: _done, ...verified } = record;
    return {
      handled: true,
      record: { ...verified, identityVerified: true },
      replies: [say('identity.confirmed'), ...whatTheCaseShows(verified, bundle, input.agreement)],
      identityRefused: false,
    };
  }
  const failures = reverify.failures + 1;
  return {
    handled: true,
    record: { ...record, reverify: { asking: 'idLast4', failures } },
    replies:
      failures >= maxTries
        ? [say('identity.notVerifiedHere')]
        : [say('identity.mismatch'), ask(record, bundle, 'identity.askIdLast4')],
    identityRefused: true,
  };
}

/** After the check: the agreement with its schedule, or where the case stands. */
function whatTheCaseShows(
  record: CaseRecord,
  bundle: DialogBundle,
  agreement: Agreement | undefined,
): OutgoingMessage[] {
  const prompts = bundle.prompts[record.locale];
  if (record.status === 'agreed' && agreement)
    return renderReplies([{ type: 'say', key: 'common.caseAgreed', card: 'agreement' }], {
      context: persistedContext(record.snapshot, record.caseId) ?? initialContext({ caseId: record.caseId }),
      locale: record.locale,
      prompts,
      figures: bundle.figures,
      agreement,
    });
  const key = record.status === 'escalated' ? 'common.holding' : 'common.caseClosed';
  return [
    {
      type: 'message',
      text: fillTemplate(prompts.get(key) ?? key, { reference: record.agreementRef }),
      locale: record.locale,
    },
  ];
}

function ask(record: CaseRecord, bundle: DialogBundle, key: string): OutgoingMessage {
  return {
    type: 'message',
    text: bundle.prompts[record.locale].get(key) ?? key,
    locale: record.locale,
    inputHint: 'expectingInput',
  };
}
