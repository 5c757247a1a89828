// Replies once the machine has finished: holding messages while a person is coming, the agreement's reference, or a new handoff.
import { z } from 'zod';
import type { CaseRecord, Handoff } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import { fillTemplate } from '../dialogs/prompts.js';
import { escalationsOf } from './flowEscalations.js';
import { recognize } from './recognize/recognize.js';
import type { OutgoingMessage } from './render/renderReplies.js';
import { answerSurvey, surveyOpen } from './surveyAnswer.js';

export interface AfterTheEnd {
  record: CaseRecord;
  append: TranscriptEntry[];
  replies: OutgoingMessage[];
  escalated?: Handoff;
}

export function replyAfterTheEnd(input: {
  record: CaseRecord;
  text: string | undefined;
  value: unknown;
  bundle: DialogBundle;
  at: string;
}): AfterTheEnd {
  const { record, bundle, at } = input;
  // A closed case whose satisfaction survey waits for an answer: the message answers it, unless it asks for more.
  if (surveyOpen(record) && record.survey) {
    const answer = answerSurvey({ record: { ...record, survey: record.survey }, text: input.text, bundle, at });
    if ('answered' in answer) return answer.answered;
    const after = replyAfterTheEnd({ ...input, record: answer.ended });
    return { ...after, append: [...answer.append, ...after.append] };
  }
  const prompts = bundle.prompts[record.locale];
  const say = (key: string): OutgoingMessage => ({
    type: 'message',
    locale: record.locale,
    text: fillTemplate(prompts.get(key) ?? key, { reference: record.agreementRef }),
  });
  const understood = recognize({
    text: input.text,
    value: input.value,
    expects: { kind: 'none' },
    locale: record.locale,
    currency: 'CNY',
    lexicons: bundle.lexicons,
    choiceLabels: {},
  });
  const event = (text: string, data: Record<string, unknown>): TranscriptEntry => ({
    at,
    actor: 'bot',
    channelId: record.channelId,
    kind: 'event',
    text,
    data,
  });

  // The same reasons and priorities as during the conversation: the flow's escalations.
  const reopening = escalationsOf(bundle.flow).get(understood.type);
  // A person holds the case: the bot stays silent and the turn only relays the message to the desk.
  if (record.status === 'escalated' && record.handoff?.agentId) {
    if (understood.type === 'stop.requested') return { record, append: [event('contact.optedOut', {})], replies: [] };
    // A tap on "Choose this plan" of an agent's offer: the borrower sees it was taken, the agent sees which plan.
    const chosen = chosenOfferId(input.value);
    if (chosen)
      return { record, append: [event('offer.chosen', { offerId: chosen })], replies: [say('handoff.offerChosen')] };
    if (reopening?.priority !== 'urgent' || record.handoff.priority === 'urgent')
      return { record, append: [], replies: [] };
    const handoff: Handoff = { ...record.handoff, ...reopening };
    return {
      record: { ...record, handoff },
      append: [event('case.escalated', { reason: handoff.reason, priority: handoff.priority })],
      replies: [],
    };
  }
  if (understood.type === 'stop.requested') {
    return { record, append: [event('contact.optedOut', {})], replies: [say('closing.stopped')] };
  }
  if (record.status === 'escalated') {
    if (reopening?.priority === 'urgent' && record.handoff && record.handoff.priority !== 'urgent') {
      const handoff: Handoff = { ...record.handoff, ...reopening };
      return {
        record: { ...record, handoff },
        append: [event('case.escalated', { reason: handoff.reason, priority: handoff.priority })],
        replies: [say(`escalation.${reopening.reason}`)],
        escalated: handoff,
      };
    }
    return {
      record,
      append: [],
      replies: [say(reopening?.priority === 'urgent' ? `escalation.${reopening.reason}` : 'common.holding')],
    };
  }
  if (reopening) {
    const handoff: Handoff = { ...reopening, queuedAt: at };
    return {
      record: { ...record, status: 'escalated', handoff },
      append: [event('case.escalated', { ...reopening })],
      replies: [say(`escalation.${reopening.reason}`)],
      escalated: handoff,
    };
  }
  return { record, append: [], replies: [say(record.status === 'agreed' ? 'common.caseAgreed' : 'common.caseClosed')] };
}

const OfferTapSchema = z.object({ offerId: z.string().min(1) });

function chosenOfferId(value: unknown): string | undefined {
  const tap = OfferTapSchema.safeParse(value);
  return tap.success ? tap.data.offerId : undefined;
}
