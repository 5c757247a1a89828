// "上一步", "can we go back?", "我想重新开始": a request to go back or start over is the whole message, politeness aside.
import type { IntentName, Lexicon } from '../../dialogs/lexicon.js';
import { phraseShapes } from '../../dialogs/lexiconIndex.js';

export type RepairRequest = { type: 'back.requested' } | { type: 'startOver.requested' };

const REPAIRS: ReadonlyArray<readonly [IntentName, RepairRequest]> = [
  ['startOver', { type: 'startOver.requested' }],
  ['goBack', { type: 'back.requested' }],
];

/**
 * Words around the request that add nothing ("please", "我想", "吗"), on the message with spaces and punctuation
 * removed. A longer message ("I hope to go back to work soon") is an answer, not a request to go back.
 */
const LEADING =
  /^(?:(?:please|pls|ok|okay|sorry|oops|um|hmm|can|could|we|i|let'?s|letus|want|wanna|to|like|i'd|id|would|just|请|麻烦|我想|我要|我们|能不能|能|可以|可不可以|先|那|好|嗯|抱歉|不好意思|算了)+)/;
const TRAILING =
  /(?:please|pls|thanks|thankyou|again|吗|呢|吧|啊|呀|一下|好吗|好不好|可以吗|行吗|行不行|可以不|谢谢|好了|来过)+$/;

/** The repair the message asks for, or undefined. `wholeForm` is the message without spaces and punctuation. */
export function repairRequest(wholeForm: string, lexicons: readonly Lexicon[]): RepairRequest | undefined {
  const message = wholeForm.replace(/[?？]/g, '');
  const lead = message.replace(LEADING, '');
  // "start again" keeps its "again": each form is tried with and without the words around it.
  const forms = new Set([message, lead, message.replace(TRAILING, ''), lead.replace(TRAILING, '')]);
  for (const [intent, request] of REPAIRS) {
    const phrases = lexicons.map((lexicon) => phraseShapes(lexicon, intent, 'unspaced'));
    if ([...forms].some((form) => phrases.some((unspaced) => unspaced.has(form)))) return { ...request };
  }
  return undefined;
}
