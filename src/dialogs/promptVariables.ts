// The values prompts may use as {placeholders}, computed from the case for one locale.
import { formatDay } from '../domain/formatDate.js';
import type { NegotiationContext } from '../../machines/context.js';
import type { Locale } from '../domain/account.js';
import type { Agreement } from '../domain/case.js';
import { formatMoney } from '../domain/money.js';
import { formatRate } from '../domain/rate.js';
import type { Offer } from '../domain/offers/offer.js';
import { tierOf } from '../domain/tier.js';
import { isMoneyField } from '../domain/hardship.js';
import type { Prompts } from './prompts.js';

export type PromptVariables = Record<string, string | number | undefined>;

/** Numbers from the offer policy that conditions mention. */
export interface PolicyFigures {
  waiverAfterPayments: number;
  settlementPayWithinDays: number;
  reviewEveryMonths: number;
  cancelWithinHours: number;
}


/** What a conversation must know before a variable has a value. */
/** `heard`: the interview amounts, said back right after they are recorded. */
export type Fact = 'always' | 'account' | 'offers' | 'chosenOffer' | 'agreement' | 'counter' | 'heard';

/** For `flows check`: each variable and the fact it needs (src/dialogs/lint/placeholdersByState.ts). */
export const VARIABLE_NEEDS: Readonly<Record<string, Fact>> = {
  creditor: 'always', waiverAfter: 'always', settlementDays: 'always', reviewMonths: 'always', cancelHours: 'always', number: 'always',
  overdue: 'account', balance: 'account', fees: 'account', regularMonthly: 'account', daysPastDue: 'account', tier: 'account',
  disposable: 'offers', affordable: 'offers', reasonName: 'offers',
  offerName: 'chosenOffer', monthly: 'chosenOffer', interest: 'chosenOffer', planFees: 'chosenOffer', waived: 'chosenOffer', apr: 'chosenOffer', months: 'chosenOffer', total: 'chosenOffer', graceMonths: 'chosenOffer', counterAmount: 'chosenOffer',
  reference: 'agreement', firstDueDate: 'agreement',
  counterMinimum: 'counter',
  income: 'heard', spending: 'heard', otherDebts: 'heard', statedMonthly: 'heard', lumpSum: 'heard', heard: 'heard', previous: 'heard', fieldName: 'heard', dependants: 'heard', recoveryMonths: 'heard',
};

/** Every variable a prompt may use. */
export const PROMPT_VARIABLES: readonly string[] = Object.keys(VARIABLE_NEEDS);

export interface VariableSources {
  context: NegotiationContext;
  locale: Locale;
  prompts: Prompts;
  figures: PolicyFigures;
  agreement?: Agreement;
}

export function offerName(offer: Offer, prompts: Prompts): string {
  const name = prompts.get(`kind.${offer.kind}`) ?? offer.kind;
  return offer.waiver ? `${name} + ${prompts.get('kind.waiver') ?? 'waiver'}` : name;
}

export function promptVariables({ context, locale, prompts, figures, agreement }: VariableSources): PromptVariables {
  const account = context.account;
  const currency = account?.currency ?? 'CNY';
  const money = (minor: number | undefined) => (minor === undefined ? undefined : formatMoney(minor, currency, locale));
  const offer = agreement?.offer ?? context.chosenOffer;
  const firstDue = agreement?.dueDates.find((line) => line.amountMinor > 0)?.dueDate;
  const heard = context.heard;
  const answer = (value: number | undefined) =>
    heard && value !== undefined ? (isMoneyField(heard.field) ? money(value) : value) : undefined;
  return {
    creditor: account?.creditor ?? prompts.get('brand.creditor'),
    overdue: money(account?.overdueMinor),
    balance: money(account?.balanceMinor),
    fees: money(account?.feesMinor),
    regularMonthly: money(account?.regularMonthlyMinor),
    daysPastDue: account?.daysPastDue,
    tier: account ? tierOf(account.daysPastDue) : undefined,
    counterMinimum: money(context.counterMinimumMinor),
    counterAmount: money(context.chosenOffer?.monthlyMinor),
    offerName: offer ? offerName(offer, prompts) : undefined,
    monthly: money(offer?.monthlyMinor),
    // Payments to make: a grace plan's pause months are said separately ({graceMonths}).
    months: offer ? offer.months - offer.graceMonths : undefined,
    total: money(offer?.totalMinor),
    interest: money(offer?.cost.interestMinor),
    planFees: money(offer?.cost.feesMinor),
    waived: money(offer?.cost.waivedMinor),
    apr: offer ? formatRate(offer.cost.aprBps, locale) : undefined,
    graceMonths: offer?.graceMonths,
    reference: agreement?.reference,
    firstDueDate: firstDue ? formatDay(firstDue, locale) : undefined,
    disposable: money(context.basis?.disposableMinor),
    income: money(context.hardship.incomeMinor),
    spending: money(context.hardship.essentialSpendingMinor),
    otherDebts: money(context.hardship.otherDebtPaymentsMinor),
    statedMonthly: money(context.hardship.statedMonthlyMinor),
    lumpSum: money(context.hardship.lumpSumMinor),
    dependants: context.hardship.dependants,
    recoveryMonths: context.hardship.recoveryMonths,
    heard: answer(heard?.value),
    previous: answer(heard?.previous),
    fieldName: heard ? prompts.get(`field.${heard.field}`) : undefined,
    affordable: money(context.basis?.affordableMinor),
    reasonName: context.hardship.reason ? prompts.get(`choice.${context.hardship.reason}`) : undefined,
    waiverAfter: figures.waiverAfterPayments,
    settlementDays: figures.settlementPayWithinDays,
    reviewMonths: figures.reviewEveryMonths,
    cancelHours: figures.cancelWithinHours,
  };
}
