// What a machine step means for the case: its status, a new handoff, a new agreement, events to record.
import type { Agreement, CaseStatus, Handoff } from '../domain/case.js';
import { dueDates, makeAgreement } from '../domain/agreement.js';
import type { ScheduleLine } from './render/cards.js';
import type { Step } from './stepMachine.js';

const FINAL_STATUS: Record<string, CaseStatus> = { agreed: 'agreed', escalated: 'escalated', closed: 'closed' };

export interface Outcome {
  status: CaseStatus;
  handoff?: Handoff;
  agreement?: Agreement;
  render: { agreement?: Agreement; draftSchedule?: ScheduleLine[] };
  events: Array<{ text: string; data?: Record<string, unknown> }>;
}

/** For a case that was active when the turn began (ended cases are answered by afterTheEnd.ts). */
export function settleOutcome(input: { step: Step; caseId: string; at: string }): Outcome {
  const { step, caseId, at } = input;
  const context = step.context;
  const status = step.done ? (FINAL_STATUS[step.state] ?? 'closed') : 'active';
  const day = at.slice(0, 10);
  const outcome: Outcome = { status, render: {}, events: [] };
  if (step.said.some((said) => said.card === 'offers'))
    outcome.events.push({ text: 'offers.shown', data: { offerIds: context.presentedIds } });
  if (context.chosenOffer && step.said.some((said) => said.card === 'agreementDraft')) {
    outcome.render.draftSchedule = dueDates(context.chosenOffer.schedule, day);
  }
  if (status === 'escalated' && context.escalation) {
    outcome.handoff = { ...context.escalation, queuedAt: at };
    outcome.events.push({ text: 'case.escalated', data: { ...context.escalation } });
  }
  if (status === 'agreed' && context.chosenOffer && context.account) {
    const agreement = makeAgreement({
      caseId,
      account: context.account,
      offer: context.chosenOffer,
      at,
      recordedBy: 'bot',
      sequence: context.cancelledAgreements,
    });
    outcome.agreement = agreement;
    outcome.render.agreement = agreement;
    outcome.events.push({
      text: 'agreement.recorded',
      data: { reference: agreement.reference, offerId: agreement.offer.id },
    });
  }
  // The machine closes only when the borrower says stop (退订, STOP): an opt-out of proactive contact too.
  if (status === 'closed')
    outcome.events.push({ text: 'contact.optedOut' }, { text: 'case.closed', data: { by: 'borrower' } });
  return outcome;
}
