// What the plan says, in the borrower's locale: its prompts filled from the plan, "My plan", the opt-out line.
import type { Locale } from '../domain/account.js';
import { formatMoney } from '../domain/money.js';
import { addDays, localDateTime, type PlanContext } from '../domain/plan.js';
import { fillTemplate, type Prompts } from '../dialogs/prompts.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import type { Jurisdiction } from '../domain/offers/offerPolicy.js';

/** Jurisdictions whose rules want every proactive message to say how to stop them. */
const OPT_OUT_LINE_REQUIRED: ReadonlySet<Jurisdiction> = new Set(['CN', 'US', 'UK']);

export interface PlanSpeech {
  locale: Locale;
  prompts: Prompts;
  creditor: string;
  now: Date;
}

export function planVariables(context: PlanContext, speech: PlanSpeech): Record<string, string | number | undefined> {
  const money = (minor: number) => formatMoney(minor, context.currency, speech.locale);
  const open = context.instalments[context.current];
  const missed = context.instalments.find((i) => i.status === 'missed' && i.paidMinor < i.amountMinor);
  const about = missed ?? open;
  const today = localDateTime(speech.now, context.timeZone).date;
  const last = [...context.instalments].reverse().find((i) => i.paidMinor > 0);
  const nextLine = open
    ? fillTemplate(speech.prompts.get('plan.nextDue') ?? '', {
        amount: money(open.amountMinor - open.paidMinor),
        dueDate: open.dueDate,
      })
    : (speech.prompts.get('plan.noneDue') ?? '');
  return {
    reference: context.reference,
    creditor: speech.creditor,
    instalment: about?.n,
    amount: about ? money(about.amountMinor - about.paidMinor) : undefined,
    dueDate: about?.dueDate,
    paid: last ? money(last.paidMinor) : undefined,
    left: open ? money(open.amountMinor - open.paidMinor) : undefined,
    nextLine,
    promiseWithin: context.figures.promiseWithinDays,
    promiseExample: addDays(today, Math.min(3, context.figures.promiseWithinDays)),
    promiseLatest: addDays(today, context.figures.promiseWithinDays),
    promiseBy: context.promise?.byDate,
    dueDay: open ? Number(open.dueDate.slice(8, 10)) : undefined,
    count: context.instalments.length,
    paidCount: context.instalments.filter((i) => i.status === 'paid' || i.status === 'paidLate').length,
    waiverAfter: context.figures.waiverAfterPayments,
    reviewMonths: context.figures.reviewEveryMonths,
  };
}

/** One message per `say`; choices become buttons whose titles the borrower's answer is matched against. */
export function renderPlanSays(
  says: readonly { key: string; choices?: string[] }[],
  context: PlanContext,
  speech: PlanSpeech,
  /** Proactive messages only: a reply to the borrower needs no opt-out line. */
  jurisdiction: Jurisdiction | undefined,
): OutgoingMessage[] {
  const vars = planVariables(context, speech);
  const messages = says.map((say): OutgoingMessage => {
    const message: OutgoingMessage = {
      type: 'message',
      locale: speech.locale,
      text: fillTemplate(speech.prompts.get(say.key) ?? say.key, vars),
    };
    if (say.choices?.length)
      message.suggestedActions = {
        actions: say.choices.map((choice) => {
          const title = speech.prompts.get(`choice.${choice}`) ?? choice;
          return { type: 'imBack' as const, title, value: title };
        }),
      };
    return message;
  });
  const last = messages.at(-1);
  if (last && jurisdiction && OPT_OUT_LINE_REQUIRED.has(jurisdiction))
    last.text = `${last.text}\n${speech.prompts.get('plan.optOutLine') ?? ''}`;
  return messages;
}

/** "My plan": the schedule with what is paid and due, the next due date, how to pay, the changes allowed. */
export function renderMyPlan(context: PlanContext, speech: PlanSpeech): OutgoingMessage {
  const money = (minor: number) => formatMoney(minor, context.currency, speech.locale);
  const vars = planVariables(context, speech);
  const lines = context.instalments.map((i) =>
    fillTemplate(speech.prompts.get('plan.myPlanLine') ?? '', {
      instalment: i.n,
      amount: money(i.amountMinor),
      dueDate: i.dueDate,
      status:
        i.status === 'upcoming' && i.paidMinor > 0
          ? `${speech.prompts.get('plan.status.upcoming')} (${money(i.paidMinor)})`
          : speech.prompts.get(`plan.status.${i.status}`),
    }),
  );
  return {
    type: 'message',
    locale: speech.locale,
    text: [fillTemplate(speech.prompts.get('plan.myPlan') ?? '', vars), ...lines].join('\n'),
  };
}
