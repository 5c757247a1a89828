// Prompt keys the bot itself says or puts on cards, besides the ones the flow names.
import { HARDSHIP_REASONS } from '../../domain/hardship.js';
import { OFFER_KINDS } from '../../domain/offers/offer.js';
import { CONDITION_KEYS } from '../../domain/offers/conditions.js';

export const REQUIRED_PROMPT_KEYS: readonly string[] = [
  'brand.creditor',
  'common.trimmed', 'common.holding', 'common.caseAgreed', 'common.caseClosed', 'common.localeSwitched', 'common.apology',
  'closing.stopped', 'escalation.vulnerability', 'escalation.dispute', 'escalation.humanRequested',
  'card.plan', 'card.offerTitle', 'card.monthly', 'card.months', 'card.monthsValue', 'card.total', 'card.waived', 'card.grace',
  'card.graceValue', 'card.lumpSum', 'card.conditions', 'card.choose', 'card.agreementTitle', 'card.draftTitle',
  'card.reference', 'card.schedule', 'card.dueDate', 'card.amount', 'card.fallbackNote',
  'card.totalOverdueOnly', 'card.interest', 'card.fees', 'card.apr', 'card.lineInterest', 'card.lineFees',
  'handoff.waitEstimate', 'handoff.agentJoined', 'handoff.agentSays', 'handoff.offerProposed', 'handoff.handedBack', 'handoff.closed', 'handoff.offerChosen',
  ...OFFER_KINDS.map((kind) => `kind.${kind}`),
  ...HARDSHIP_REASONS.map((reason) => `choice.${reason}`),
  ...CONDITION_KEYS,
];
