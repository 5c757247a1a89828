// The interview answers of the plan's negotiation, said back when the interview reopens (a review answered "changed").
import type { Locale } from '../domain/account.js';
import type { CaseRecord } from '../domain/case.js';
import { HardshipSchema } from '../domain/hardship.js';
import { formatMoney } from '../domain/money.js';
import { fillTemplate, type Prompts } from '../dialogs/prompts.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';

const EarlierSchema = HardshipSchema.partial();

/**
 * "Last time you told us: …" from the negotiation snapshot the plan came from, one line per answer given; undefined
 * when the snapshot holds no answers (an agreement an agent recorded without the interview).
 */
export function renderEarlierAnswers(
  record: CaseRecord,
  input: { locale: Locale; prompts: Prompts; currency: string },
): OutgoingMessage | undefined {
  const context = (record.snapshot as { context?: { hardship?: unknown } } | undefined)?.context;
  const parsed = EarlierSchema.safeParse(context?.hardship ?? {});
  if (!parsed.success) return undefined;
  const h = parsed.data;
  const money = (minor: number | undefined) =>
    minor === undefined ? undefined : formatMoney(minor, input.currency, input.locale);
  const vars: Record<string, string | number | undefined> = {
    reasonName: h.reason ? input.prompts.get(`choice.${h.reason}`) : undefined,
    recoveryMonths: h.recoveryMonths,
    income: money(h.incomeMinor),
    spending: money(h.essentialSpendingMinor),
    otherDebts: money(h.otherDebtPaymentsMinor),
    dependants: h.dependants,
    statedMonthly: money(h.statedMonthlyMinor),
  };
  const lines = Object.entries(vars)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => fillTemplate(input.prompts.get(`plan.earlier.${name}`) ?? name, { [name]: value }));
  if (lines.length === 0) return undefined;
  return {
    type: 'message',
    locale: input.locale,
    text: [input.prompts.get('plan.earlierAnswers') ?? '', ...lines].join('\n'),
  };
}
