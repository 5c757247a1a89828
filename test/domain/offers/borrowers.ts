// Fixtures for the offers tests: accounts and hardship answers named after the borrower they describe.
import { AccountSchema, type Account } from '../../../src/domain/account.js';
import { HardshipSchema, type Hardship } from '../../../src/domain/hardship.js';
import { loadOfferPolicy } from '../../helpers/dialogFiles.js';

export const policy = loadOfferPolicy(new URL('../../../dialogs/offer-policy.yaml', import.meta.url).pathname);

/** The shipped policy with every kind interest-free: the selection and ranking tests keep figures one can divide by hand. */
export const interestFreePolicy: typeof policy = {
  ...policy,
  grace: { ...policy.grace, interest: 'none', duringPause: 'freeze' },
  extend: { ...policy.extend, interest: 'none' },
  installment: { ...policy.installment, interest: 'none' },
};

type AccountFacts = Pick<
  Account,
  'balanceMinor' | 'overdueMinor' | 'feesMinor' | 'regularMonthlyMinor' | 'remainingMonths' | 'daysPastDue'
> &
  Partial<Pick<Account, 'product' | 'brokenArrangements12m' | 'currency' | 'contractRateBps' | 'penaltyRateBps'>>;

export function accountWith(facts: AccountFacts): Account {
  return AccountSchema.parse({
    accountRef: 'LN-2026-0001',
    creditor: 'Starriver Finance',
    product: 'loan',
    borrower: { name: '张伟', phone: '+86 138 0000 0000', idLast4: '123X', birthDate: '1985-04-12' },
    contractRateBps: 1800,
    penaltyRateBps: 2700,
    ...facts,
  });
}

export function hardshipWith(facts: Partial<Hardship> & Pick<Hardship, 'reason' | 'duration'>): Hardship {
  return HardshipSchema.parse({
    incomeMinor: 0,
    essentialSpendingMinor: 0,
    otherDebtPaymentsMinor: 0,
    dependants: 0,
    ...facts,
  });
}

/** Lost her job 45 days ago, expects work again in 2 months; ¥1,000 a month affordable; loan ¥30,000. */
export const jobLossM2 = {
  account: accountWith({
    balanceMinor: 3_000_000,
    overdueMinor: 300_000,
    feesMinor: 45_000,
    regularMonthlyMinor: 150_000,
    remainingMonths: 18,
    daysPastDue: 45,
  }),
  hardship: hardshipWith({
    reason: 'jobLoss',
    duration: 'temporary',
    recoveryMonths: 2,
    incomeMinor: 600_000,
    essentialSpendingMinor: 350_000,
    otherDebtPaymentsMinor: 50_000,
    dependants: 1,
  }),
};

/** Long-term illness, card instalments 120 days past due, ¥1,500 a month affordable, ¥5,000 saved (not enough to settle). */
export const illnessM4 = {
  account: accountWith({
    product: 'card',
    balanceMinor: 5_000_000,
    overdueMinor: 800_000,
    feesMinor: 250_000,
    regularMonthlyMinor: 250_000,
    remainingMonths: 24,
    daysPastDue: 120,
  }),
  hardship: hardshipWith({
    reason: 'illness',
    duration: 'longTerm',
    incomeMinor: 800_000,
    essentialSpendingMinor: 500_000,
    dependants: 0,
    lumpSumMinor: 500_000,
  }),
};

/** Hours cut for a few months, 20 days late, says ¥900 a month is possible. */
export const reducedIncomeM1 = {
  account: accountWith({
    balanceMinor: 1_200_000,
    overdueMinor: 60_000,
    feesMinor: 3_000,
    regularMonthlyMinor: 60_000,
    remainingMonths: 20,
    daysPastDue: 20,
  }),
  hardship: hardshipWith({
    reason: 'reducedIncome',
    duration: 'temporary',
    recoveryMonths: 6,
    incomeMinor: 900_000,
    essentialSpendingMinor: 600_000,
    otherDebtPaymentsMinor: 100_000,
    dependants: 2,
    statedMonthlyMinor: 90_000,
  }),
};

/** Shop owner 75 days late, ¥3,000 a month affordable, ¥75,000 from selling stock available for a settlement. */
export const businessM3 = {
  account: accountWith({
    balanceMinor: 8_000_000,
    overdueMinor: 1_200_000,
    feesMinor: 300_000,
    regularMonthlyMinor: 400_000,
    remainingMonths: 20,
    daysPastDue: 75,
  }),
  hardship: hardshipWith({
    reason: 'business',
    duration: 'temporary',
    recoveryMonths: 4,
    incomeMinor: 1_500_000,
    essentialSpendingMinor: 900_000,
    dependants: 3,
    lumpSumMinor: 7_500_000,
  }),
};

/** The job-loss borrower again, but an arrangement was broken this year (二次协商). */
export const jobLossM2SecondTime = {
  account: { ...jobLossM2.account, brokenArrangements12m: 1 },
  hardship: jobLossM2.hardship,
};

/** No income left after spending: nothing is affordable. */
export const noIncomeM2 = {
  account: accountWith({
    balanceMinor: 2_000_000,
    overdueMinor: 200_000,
    feesMinor: 20_000,
    regularMonthlyMinor: 100_000,
    remainingMonths: 20,
    daysPastDue: 50,
  }),
  hardship: hardshipWith({
    reason: 'jobLoss',
    duration: 'temporary',
    recoveryMonths: 3,
    incomeMinor: 300_000,
    essentialSpendingMinor: 320_000,
    dependants: 2,
  }),
};
