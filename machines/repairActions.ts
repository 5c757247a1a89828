// Going back and starting over: answers forgotten so the flow asks their questions again.
import type { z } from 'zod';
import type { InterviewField } from '../src/domain/hardship.js';
import type { NegotiationContext } from './context.js';
import { negotiationSetup } from './negotiationSetup.js';

const { assign } = negotiationSetup;

type ForgetParams = z.ZodType<{ fields: InterviewField[] }>;

/** Nothing the borrower signed or was told is undone: the offers are computed again when the interview ends. */
export function repairActions(forgetParams: ForgetParams) {
  return {
    forgetAnswers: assign(({ context }, params) => {
      const { fields } = forgetParams.parse(params);
      const hardship: NegotiationContext['hardship'] = { ...context.hardship };
      for (const field of fields) delete hardship[field];
      const heard = context.heard && fields.includes(context.heard.field) ? undefined : context.heard;
      return { hardship, heard, chosenOffer: undefined };
    }),
    forgetInterview: assign({
      hardship: {},
      heard: undefined,
      offers: [],
      presentedIds: [],
      shownIds: [],
      basis: undefined,
      fallback: false,
      chosenOffer: undefined,
      counterMinimumMinor: undefined,
    }),
  };
}
