// The offers rules module's public API.
export {
  OFFER_KINDS,
  OfferKindSchema,
  PlanKindSchema,
  OfferSchema,
  OfferCostSchema,
  PaymentSchema,
  OfferBasisSchema,
} from './offer.js';
export type { Offer, OfferCost, OfferKind, PlanKind, Payment, OfferBasis } from './offer.js';
export { CONDITION_KEYS } from './conditions.js';
export type { ConditionKey } from './conditions.js';
export { OfferPolicySchema, JURISDICTIONS, JURISDICTION_CEILINGS, parseOfferPolicy } from './offerPolicy.js';
export type { OfferPolicy, Jurisdiction } from './offerPolicy.js';
export { buildSchedule, scheduleTotalMinor, highestPaymentMinor } from './schedule.js';
export type { ScheduleSpec } from './schedule.js';
export { scheduleAprBps } from './cost/annualRate.js';
export { InterestChargeSchema, chargeRateBps } from './interestCharge.js';
export type { InterestCharge } from './interestCharge.js';
export { computeOffers } from './computeOffers.js';
export type { OfferInput, OfferSet } from './computeOffers.js';
export { evaluateCounterOffer } from './evaluateCounterOffer.js';
export type { CounterOfferResult } from './evaluateCounterOffer.js';
export { KIND_ORDER } from './rankOffers.js';
