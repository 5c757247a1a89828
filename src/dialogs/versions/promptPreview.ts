// A prompt as a demo borrower would read it: the version's own offer policy and figures, the demo interview's answers.
import { initialContext } from '../../../machines/context.js';
import type { Account, Locale } from '../../domain/account.js';
import type { Hardship } from '../../domain/hardship.js';
import type { DialogBundle } from '../dialogBundle.js';
import { fillTemplate } from '../prompts.js';
import { promptVariables } from '../promptVariables.js';

/** The README demo's answers: lost a job, temporary for 3 months, 8 000 income, 3 500 spending, no other debts. */
export const DEMO_HARDSHIP: Hardship = {
  reason: 'jobLoss',
  duration: 'temporary',
  recoveryMonths: 3,
  incomeMinor: 800_000,
  essentialSpendingMinor: 350_000,
  otherDebtPaymentsMinor: 0,
  dependants: 1,
};

export function previewPrompt(bundle: DialogBundle, account: Account, locale: Locale, text: string): string {
  const computed = bundle.rules.compute(account, DEMO_HARDSHIP);
  const context = {
    ...initialContext({ caseId: 'preview' }),
    account,
    hardship: DEMO_HARDSHIP,
    offers: computed.offers,
    presentedIds: computed.offers.map((o) => o.id),
    basis: computed.basis,
    chosenOffer: computed.offers[0],
  };
  return fillTemplate(text, promptVariables({ context, locale, prompts: bundle.prompts[locale], figures: bundle.figures }));
}
