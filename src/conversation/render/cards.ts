// Adaptive Cards for offers and agreements, each with a plain-text fallback for channels without cards.
import type { Locale } from '../../domain/account.js';
import { formatDay } from '../../domain/formatDate.js';
import { formatMoney } from '../../domain/money.js';
import { formatRate } from '../../domain/rate.js';
import type { Offer } from '../../domain/offers/offer.js';
import type { Prompts } from '../../dialogs/prompts.js';
import { offerName, type PromptVariables } from '../../dialogs/promptVariables.js';
import { renderPrompt } from './promptTemplates.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface CardText {
  prompts: Prompts;
  vars: PromptVariables;
  locale: Locale;
  currency: string;
}

const card = (body: unknown[], actions: unknown[], fallbackText: string): Attachment => ({
  contentType: ADAPTIVE_CARD,
  content: {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    actions,
    fallbackText,
  },
});

function say(t: CardText, key: string, extra: PromptVariables = {}): string {
  return renderPrompt(t.prompts, key, t.vars, extra);
}

/** What every offer states: monthly amount, payments, total, of which interest and fees, what is waived, the annualised rate. */
function offerFacts(t: CardText, offer: Offer): Array<{ title: string; value: string }> {
  const money = (minor: number) => formatMoney(minor, t.currency, t.locale);
  const { cost } = offer;
  const facts =
    offer.kind === 'settlement'
      ? [{ title: say(t, 'card.lumpSum'), value: money(offer.totalMinor) }]
      : [
          { title: say(t, 'card.monthly'), value: money(offer.monthlyMinor) },
          {
            title: say(t, 'card.months'),
            value: say(t, 'card.monthsValue', { months: offer.months - offer.graceMonths }),
          },
          {
            title: say(t, cost.covers === 'overdue' ? 'card.totalOverdueOnly' : 'card.total'),
            value: money(offer.totalMinor),
          },
        ];
  if (offer.graceMonths > 0)
    facts.unshift({
      title: say(t, 'card.grace'),
      value: say(t, 'card.graceValue', { graceMonths: offer.graceMonths }),
    });
  facts.push(
    { title: say(t, 'card.interest'), value: money(cost.interestMinor) },
    { title: say(t, 'card.fees'), value: money(cost.feesMinor) },
  );
  if (cost.waivedMinor > 0) facts.push({ title: say(t, 'card.waived'), value: money(cost.waivedMinor) });
  facts.push({ title: say(t, 'card.apr'), value: formatRate(cost.aprBps, t.locale) });
  return facts;
}

/** One block per condition: Adaptive Cards do not keep line breaks inside one TextBlock on every channel. */
function conditionBlocks(lines: string[], subtle: boolean): unknown[] {
  return lines.map((line, index) => ({
    type: 'TextBlock',
    text: `• ${line}`,
    wrap: true,
    size: 'Small',
    spacing: index === 0 ? 'Medium' : 'None',
    ...(subtle ? { isSubtle: true } : {}),
  }));
}

function conditionLines(t: CardText, offer: Offer): string[] {
  return offer.conditions.map((key) => say(t, key));
}

/** One card per offer on screen, numbered as the borrower can refer to them ("方案2"). */
export function offerCards(t: CardText, offers: Offer[]): Attachment[] {
  return offers.map((offer, index) => {
    const title = say(t, 'card.offerTitle', { number: index + 1, offerName: offerName(offer, t.prompts) });
    const facts = offerFacts(t, offer);
    const conditions = conditionLines(t, offer);
    const body = [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...(offer.fallback
        ? [{ type: 'TextBlock', text: say(t, 'card.fallbackNote'), color: 'Attention', wrap: true }]
        : []),
      { type: 'FactSet', facts },
      ...conditionBlocks(conditions, true),
    ];
    const actions = [{ type: 'Action.Submit', title: say(t, 'card.choose'), data: { offerId: offer.id } }];
    const fallback = [title, ...facts.map((f) => `${f.title}: ${f.value}`), ...conditions].join('\n');
    return card(body, actions, fallback);
  });
}

export interface ScheduleLine {
  dueDate?: string;
  month: number;
  amountMinor: number;
}

/** What an agreement (or its draft) states, in the reader's words: the card and the printable page show the same. */
export interface AgreementContent {
  title: string;
  facts: Array<{ title: string; value: string }>;
  scheduleTitle: string;
  /** Due date, amount, of which interest, of which fees. */
  header: [string, string, string, string];
  rows: Array<[string, string, string, string]>;
  conditionsTitle: string;
  conditions: string[];
}

export function agreementContent(
  t: CardText,
  offer: Offer,
  schedule: ScheduleLine[],
  reference?: string,
): AgreementContent {
  const money = (minor: number) => formatMoney(minor, t.currency, t.locale);
  const when = (line: ScheduleLine) => (line.dueDate ? formatDay(line.dueDate, t.locale) : `#${line.month}`);
  // The split of each payment comes from the offer's schedule (the agreement's due dates carry the amounts only).
  const parts = new Map(offer.schedule.map((payment) => [payment.month, payment]));
  const partOf = (line: ScheduleLine) => parts.get(line.month) ?? { interestMinor: 0, feesMinor: 0 };
  return {
    title: say(t, reference ? 'card.agreementTitle' : 'card.draftTitle'),
    facts: [
      ...(reference ? [{ title: say(t, 'card.reference'), value: reference }] : []),
      { title: say(t, 'card.plan'), value: offerName(offer, t.prompts) },
      ...offerFacts(t, offer),
    ],
    scheduleTitle: say(t, 'card.schedule'),
    header: [say(t, 'card.dueDate'), say(t, 'card.amount'), say(t, 'card.lineInterest'), say(t, 'card.lineFees')],
    rows: schedule.map((line) => [
      when(line),
      money(line.amountMinor),
      money(partOf(line).interestMinor),
      money(partOf(line).feesMinor),
    ]),
    conditionsTitle: say(t, 'card.conditions'),
    conditions: conditionLines(t, offer),
  };
}

/** The agreement (or its draft) with its full schedule as a table. */
export function agreementCard(t: CardText, offer: Offer, schedule: ScheduleLine[], reference?: string): Attachment {
  const content = agreementContent(t, offer, schedule, reference);
  const column = (text: string, width: string, weight?: string) => ({
    type: 'Column',
    width,
    items: [
      {
        type: 'TextBlock',
        text,
        ...(width === 'stretch' ? {} : { horizontalAlignment: 'Right' }),
        ...(weight ? { weight } : {}),
      },
    ],
  });
  const row = (cells: readonly string[], weight?: string) => ({
    type: 'ColumnSet',
    columns: cells.map((text, i) => column(text, i === 0 ? 'stretch' : 'auto', weight)),
  });
  const { conditions } = content;
  const body = [
    { type: 'TextBlock', text: content.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'FactSet', facts: content.facts },
    { type: 'TextBlock', text: content.scheduleTitle, weight: 'Bolder', spacing: 'Medium' },
    row(content.header, 'Bolder'),
    ...content.rows.map((cells) => row(cells)),
    ...(conditions.length
      ? [
          { type: 'TextBlock', text: content.conditionsTitle, weight: 'Bolder', spacing: 'Medium' },
          ...conditionBlocks(conditions, false),
        ]
      : []),
  ];
  const [dueDate, amount, interest, fees] = content.header;
  const fallback = [
    content.title,
    ...content.facts.map((f) => `${f.title}: ${f.value}`),
    `${content.scheduleTitle}:`,
    `${dueDate}  ${amount} (${interest} / ${fees})`,
    ...content.rows.map(([when, money, lineInterest, lineFees]) => `${when}  ${money} (${lineInterest} / ${lineFees})`),
    ...conditions,
  ].join('\n');
  return card(body, [], fallback);
}
