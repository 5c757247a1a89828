// A counter-offer ("我每月只能还300") is evaluated once per turn: the guard that decides and the action that records
// share one evaluation through the event they both receive.
import { HardshipSchema } from '../src/domain/hardship.js';
import type { NegotiationContext, NegotiationEvent } from './context.js';
import type { OfferRules } from './negotiationSetup.js';

type CounterResult = ReturnType<OfferRules['counter']>;

const evaluated = new WeakMap<NegotiationEvent, { rules: OfferRules; result: CounterResult | undefined }>();

/**
 * The policy's answer to the amount the borrower named, or undefined when there is none to give: not a counter-offer,
 * no account, or no interview to judge it by (an agent's offer shown before any interview). A flow that does not
 * ask about dependants counts none, as the offers do.
 */
export function counterResult(
  rules: OfferRules,
  context: NegotiationContext,
  event: NegotiationEvent,
): CounterResult | undefined {
  const known = evaluated.get(event);
  if (known?.rules === rules) return known.result;
  const hardship = HardshipSchema.safeParse({ dependants: 0, ...context.hardship });
  const result =
    event.type === 'offer.countered' && context.account && hardship.success
      ? rules.counter(context.account, hardship.data, event.amountMinor)
      : undefined;
  evaluated.set(event, { rules, result });
  return result;
}
