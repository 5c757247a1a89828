// The answers at the offers and at the confirmation (书面确认): a plan picked, an amount countered, consent or not.
import { toMinor } from '../../domain/money.js';
import type { IntentName, Lexicon } from '../../dialogs/lexicon.js';
import { isWholePhrase, longestPhrase, saysIntent } from '../../dialogs/lexiconIndex.js';
import { parseAmountMajor, parsePick } from './parseAmount.js';
import { wholeForm } from './normalize.js';
import type { Understood } from './recognize.js';

const OFFER_INTENTS = ['accept', 'another', 'decline'] as const;
const YES_NO = ['yes', 'no'] as const;

export function offerAnswer(
  text: string,
  offerIds: string[],
  currency: string,
  lexicons: readonly Lexicon[],
): Understood | undefined {
  const pick = parsePick(text, offerIds.length);
  const major = parseAmountMajor(text);
  // An amount is a counter-offer ("不接受，我每月只能还300"), unless it is the number of the offer picked ("我选2").
  if (major !== undefined && major !== pick) return { type: 'offer.countered', amountMinor: toMinor(major, currency) };
  const intent = longestPhrase(text, lexicons, 'intents', OFFER_INTENTS)?.key;
  if (intent === 'decline') return { type: 'offer.declined' };
  if (intent === 'another') return { type: 'offer.another' };
  if (pick) return { type: 'offer.accepted', offerId: offerIds[pick - 1]! };
  if (intent === 'accept' && offerIds.length === 1) return { type: 'offer.accepted', offerId: offerIds[0]! };
  return undefined;
}

/**
 * At the confirmation only the confirm button, or a message that is one of the `agree` phrases and nothing else,
 * agrees. Everything else goes where it means: a hedge is not now, a negation back to the offers, another plan or
 * an amount is that plan or a counter-offer, a bare "嗯"/"ok" is asked again outright. Undefined: not understood.
 */
export function consentAnswer(
  text: string,
  expects: { offerIds: string[]; asked: boolean; labelled: string[] },
  currency: string,
  lexicons: readonly Lexicon[],
): Understood | undefined {
  if (expects.labelled.length === 1) {
    const id = expects.labelled[0]!;
    if (id === 'agree') return { type: 'consent.given' };
    return expects.offerIds.includes(id) ? { type: 'offer.accepted', offerId: id } : { type: 'choice.made', value: id };
  }
  const whole = wholeForm(text);
  const isWhole = (intent: IntentName) => isWholePhrase(whole, lexicons, intent);
  const has = (intent: IntentName) => saysIntent(text, lexicons, intent);
  if (isWhole('agree')) return { type: 'consent.given' };
  // Asked outright, a plain "是的" / "yes" answers that question; "嗯" / "ok" still does not.
  if (expects.asked && isWhole('yes') && !isWhole('softYes')) return { type: 'consent.given' };
  if (has('hesitate')) return { type: 'consent.hesitated' };
  // "撤销协议" before anything is signed: not this agreement — back to the plans.
  if (has('cancelAgreement')) return { type: 'answer.no' };
  const offer = offerAnswer(text, expects.offerIds, currency, lexicons);
  if (offer?.type === 'offer.countered') return offer;
  if (offer?.type === 'offer.accepted' && parsePick(text, expects.offerIds.length) !== undefined) return offer;
  // "利息能不能少点呢": a question, not a "不"; it is answered or the summary is shown again.
  if (QUESTION.test(text)) return undefined;
  if (offer?.type === 'offer.declined' || offer?.type === 'offer.another') return offer;
  const yesNo = yesOrNo(text, lexicons);
  if (yesNo === 'no') return { type: 'answer.no' };
  if (isWhole('softYes') || isWhole('yes') || isWhole('accept')) return { type: 'consent.unclear' };
  return undefined;
}

/** The longer of a yes phrase and a no phrase the text contains ("不是" beats "是"). */
export function yesOrNo(text: string, lexicons: readonly Lexicon[]): 'yes' | 'no' | undefined {
  return longestPhrase(text, lexicons, 'intents', YES_NO)?.key;
}

const QUESTION =
  /[?？]|[吗呢嘛][~～.。!！]*$|能不能|可不可以|会不会|是不是|有没有|要不要|怎么|什么|多少|几时|^(?:what|how|why|when|where|which|who|is|are|can|could|will|would|does|do|should)\b/;
