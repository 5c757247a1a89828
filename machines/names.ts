// The names a flow file may use for guards and actions: a static table, checked by the compiler against the
// implementations (a name missing here, or one no implementation has, does not compile).
import type { ActionName } from './actions.js';
import type { GuardName } from './guards.js';

const GUARDS = {
  hasAccount: true,
  hasIdentityTriesLeft: true,
  isIdentityConfirmed: true,
  isHardshipReason: true,
  isChoice: true,
  isAnswered: true,
  isAnsweredInSettlementTier: true,
  hasDuration: true,
  hasInterview: true,
  isSettlementTier: true,
  isOfferShown: true,
  isCounterAcceptable: true,
  isBeyondMeans: true,
  hasCounterAttemptsLeft: true,
  hasAlternatives: true,
  isRepeatedlyMisunderstood: true,
} as const satisfies Record<GuardName, true>;

const ACTIONS = {
  say: true,
  ask: true,
  repeatQuestion: true,
  answerQuestion: true,
  countMisunderstanding: true,
  recordAccount: true,
  recordClaim: true,
  rememberIdLast4: true,
  forgetIdentityAnswers: true,
  confirmIdentity: true,
  countIdentityFailure: true,
  recordReason: true,
  recordDuration: true,
  recordRecovery: true,
  recordDependants: true,
  recordAmount: true,
  recordFacts: true,
  applyCorrection: true,
  computeOffers: true,
  presentOffers: true,
  presentAlternatives: true,
  chooseOffer: true,
  acceptCounterOffer: true,
  rejectCounterOffer: true,
  escalate: true,
  forgetAnswers: true,
  forgetInterview: true,
  announceEscalation: true,
} as const satisfies Record<ActionName, true>;

export const GUARD_NAMES: ReadonlySet<string> = new Set(Object.keys(GUARDS));
export const ACTION_NAMES: ReadonlySet<string> = new Set(Object.keys(ACTIONS));
