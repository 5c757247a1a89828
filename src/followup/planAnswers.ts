// What a borrower's message means to a running plan: "my plan", check-in and review answers, a promised date, a due-day move.
import type { Locale } from '../domain/account.js';
import { lexiconsInOrder, longestMatch, type Lexicon } from '../dialogs/lexicon.js';
import { normalizeText } from '../conversation/recognize/normalize.js';
import type { PlanEvent } from '../../machines/planSetup.js';
import { parseDayOfMonth, parsePromiseDate } from './promiseDate.js';

/** The lexicon choices (dialogs/lexicon, `choices:`) a plan answer is read with. */
const PLAN_CHOICES = ['myPlan', 'payNow', 'promise', 'changed', 'same', 'moveDueDay'] as const;
type PlanChoice = (typeof PLAN_CHOICES)[number];
const CONVERSATION_INTENTS = ['stop', 'human', 'dispute', 'vulnerability', 'cancelAgreement'] as const;

export type PlanAnswer =
  | { kind: 'myPlan' }
  /** A promise without a date: the borrower is asked for one. */
  | { kind: 'askPromiseDate' }
  | { kind: 'event'; event: PlanEvent }
  /** The plan is over (broken, or the situation changed): the message starts the negotiation again. */
  | { kind: 'reopen' };

/** Plan states (dialogs/plan.flow.yaml) after which the borrower negotiates again (二次协商). */
export const REOPENING_STATES: ReadonlySet<string> = new Set(['broken', 'renegotiating']);

/** `state` is the plan's leaf state; `today` the borrower's local date; undefined: not for the plan. */
export function readPlanAnswer(input: {
  text: string;
  state: string;
  locale: Locale;
  lexicons: Record<Locale, Lexicon>;
  today: string;
  at: string;
}): PlanAnswer | undefined {
  const text = normalizeText(input.text);
  if (!text) return undefined;
  const groups = lexiconsInOrder(input.lexicons, input.locale).flatMap((lexicon) =>
    PLAN_CHOICES.flatMap((id) => (lexicon.choices[id] ? [[id, lexicon.choices[id]] as const] : [])),
  );
  const said: PlanChoice | undefined = longestMatch<PlanChoice>(text, groups)?.key;
  const at = input.at;
  if (said === 'myPlan') return { kind: 'myPlan' };
  // A person, a dispute, distress, stop or cancelling the agreement are the conversation's, whatever the plan's state.
  const intents = lexiconsInOrder(input.lexicons, input.locale).flatMap((lexicon) =>
    CONVERSATION_INTENTS.map((name) => [name, lexicon.intents[name]] as const),
  );
  if (longestMatch(text, intents)) return undefined;
  if (REOPENING_STATES.has(input.state)) return { kind: 'reopen' };
  const byDate = parsePromiseDate(text, input.today);
  switch (input.state) {
    case 'onTrack': {
      const day = said === 'moveDueDay' ? parseDayOfMonth(text) : undefined;
      return day === undefined ? undefined : { kind: 'event', event: { type: 'dueDay.move', day, at } };
    }
    case 'checkingIn':
      if (said === 'changed') return { kind: 'event', event: { type: 'checkin.changed', at } };
      if (byDate) return { kind: 'event', event: { type: 'checkin.promise', byDate, at } };
      if (said === 'payNow') return { kind: 'event', event: { type: 'checkin.payNow', at } };
      return said === 'promise' ? { kind: 'askPromiseDate' } : undefined;
    case 'promised':
      return said === 'changed' ? { kind: 'event', event: { type: 'checkin.changed', at } } : undefined;
    case 'reviewing':
      if (said === 'changed') return { kind: 'event', event: { type: 'review.changed', at } };
      return said === 'same' ? { kind: 'event', event: { type: 'review.same', at } } : undefined;
    default:
      return undefined;
  }
}
