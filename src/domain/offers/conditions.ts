// The condition prompt keys an offer can carry; every prompt file must define each one.

/** Every condition key the rules module can attach to an offer (the flow loader checks the prompt files). */
export const CONDITION_KEYS = [
  'condition.regularPaymentResumes',
  'condition.regularPaymentContinues',
  'condition.interestStops',
  'condition.noNewCardUntilPaid',
  'condition.waiverVoidedOnMiss',
  'condition.settlementDueWithinDays',
  'condition.reviewEveryMonths',
] as const;
export type ConditionKey = (typeof CONDITION_KEYS)[number];
