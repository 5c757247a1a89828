// Turns what the machine said (prompt keys) into message activities in the case's locale.
import type { NegotiationContext, Said } from '../../../machines/context.js';
import type { Locale } from '../../domain/account.js';
import type { Agreement } from '../../domain/case.js';
import type { Prompts } from '../../dialogs/prompts.js';
import { agreementCard, offerCards, type Attachment, type ScheduleLine } from './cards.js';
import { offerName, promptVariables, type PolicyFigures } from '../../dialogs/promptVariables.js';
import { renderPrompt } from './promptTemplates.js';

/** A message kept in a store (e.g. held by the contact gate) read back as one to send; anything else is dropped. */
export function isOutgoingMessage(value: unknown): value is OutgoingMessage {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  return fields.type === 'message' && typeof fields.text === 'string' && typeof fields.locale === 'string';
}

export interface OutgoingMessage {
  type: 'message';
  text: string;
  locale: Locale;
  inputHint?: 'expectingInput' | 'acceptingInput';
  /** 'plain' for what a person typed: channels must not read it as Markdown. */
  textFormat?: 'plain';
  attachments?: Attachment[];
  attachmentLayout?: 'carousel' | 'list';
  suggestedActions?: { actions: Array<{ type: 'imBack'; title: string; value: string }> };
}

export interface RenderInput {
  context: NegotiationContext;
  locale: Locale;
  prompts: Prompts;
  figures: PolicyFigures;
  agreement?: Agreement;
  /** The schedule of the chosen offer with due dates as they would be if agreed today. */
  draftSchedule?: ScheduleLine[];
}

/** The button label of a choice: `choice.<id>`, or for an offer "方案2：…" as its card is titled. */
export function choiceLabel(id: string, input: Pick<RenderInput, 'context' | 'prompts'>): string {
  const { context, prompts } = input;
  const offerIndex = context.presentedIds.indexOf(id);
  const offer = context.offers.find((candidate) => candidate.id === id);
  if (offer) {
    const number = offerIndex >= 0 ? offerIndex + 1 : context.offers.indexOf(offer) + 1;
    return renderPrompt(
      prompts,
      'card.offerTitle',
      { number, offerName: offerName(offer, prompts) },
      undefined,
      '{offerName}',
    );
  }
  return prompts.get(`choice.${id}`) ?? id;
}

/**
 * Consecutive plain sentences go out as one message (paragraphs), the buttons on the last: fewer
 * bubbles for the borrower, and one outgoing request to the channel instead of several.
 */
export function joinPlainMessages(messages: readonly OutgoingMessage[]): OutgoingMessage[] {
  const joined: OutgoingMessage[] = [];
  for (const message of messages) {
    const previous = joined.at(-1);
    const plain = (m: OutgoingMessage) => !m.attachments && !m.suggestedActions;
    if (previous && plain(previous) && !message.attachments && previous.locale === message.locale) {
      joined[joined.length - 1] = { ...message, text: [previous.text, message.text].filter(Boolean).join('\n\n') };
    } else {
      joined.push(message);
    }
  }
  return joined;
}

export function renderReplies(said: readonly Said[], input: RenderInput): OutgoingMessage[] {
  return joinPlainMessages(renderEach(said, input));
}

function renderEach(said: readonly Said[], input: RenderInput): OutgoingMessage[] {
  const vars = promptVariables(input);
  const currency = input.context.account?.currency ?? 'CNY';
  const cardText = { prompts: input.prompts, vars, locale: input.locale, currency };
  return said.map((item) => {
    const message: OutgoingMessage = {
      type: 'message',
      text: renderPrompt(input.prompts, item.key, vars),
      locale: input.locale,
    };
    if (item.expects) message.inputHint = 'expectingInput';
    if (item.choices?.length) {
      message.suggestedActions = {
        actions: item.choices.map((id) => {
          const title = choiceLabel(id, input);
          return { type: 'imBack' as const, title, value: title };
        }),
      };
    }
    const offer = input.agreement?.offer ?? input.context.chosenOffer;
    if (item.card === 'offers') {
      const shown = input.context.presentedIds.flatMap((id) => input.context.offers.filter((o) => o.id === id));
      message.attachments = offerCards(cardText, shown);
      message.attachmentLayout = 'carousel';
    } else if (item.card === 'agreement' && input.agreement) {
      message.attachments = [
        agreementCard(cardText, input.agreement.offer, input.agreement.dueDates, input.agreement.reference),
      ];
    } else if (item.card === 'agreementDraft' && offer) {
      message.attachments = [agreementCard(cardText, offer, input.draftSchedule ?? offer.schedule)];
    }
    return message;
  });
}
