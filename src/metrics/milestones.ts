// The milestones of a funnel a product owner compares between versions and between an experiment's arms.
import type { Funnel } from './funnel.js';
import type { FlowCounts } from './flowMetrics.js';

export interface Milestones {
  started: number;
  /** Arrived at the offers from before them (a return from confirming is not counted again). */
  reachedOffers: number;
  agreed: number;
  escalated: number;
  /** Escalations by reason (humanRequested, dispute, vulnerability, …), counted by the bot's turns. */
  escalatedBy: Record<string, number>;
  /** The borrower said stop. */
  optedOut: number;
  closed: number;
}

const OFFERS = 'conversation.negotiating.presentingOffers';
const NEGOTIATING = 'conversation.negotiating';

export function milestonesOf(funnel: Funnel, counts: Pick<FlowCounts, 'outcomes'>): Milestones {
  const entered = (id: string) => funnel.states.find((s) => s.id === id)?.entered ?? 0;
  const escalatedBy: Record<string, number> = {};
  for (const [outcome, n] of Object.entries(counts.outcomes))
    if (outcome.startsWith('escalated:')) escalatedBy[outcome.slice('escalated:'.length)] = n;
  return {
    started: funnel.started,
    reachedOffers: funnel.states
      .filter((s) => s.id !== NEGOTIATING && !s.id.startsWith(`${NEGOTIATING}.`))
      .reduce((n, s) => n + (s.left[OFFERS] ?? 0), 0),
    agreed: entered('agreed'),
    escalated: entered('escalated'),
    escalatedBy,
    optedOut: counts.outcomes.optedOut ?? 0,
    closed: entered('closed'),
  };
}
