// What a turn's step means for the funnel: the state it left and entered, offers shown and agreed.
import type { NegotiationContext } from '../../machines/context.js';
import { START } from '../../machines/flowGraph.js';
import { initialLeaf, leafPathOf } from '../../machines/stateNodes.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { Agreement, Handoff } from '../domain/case.js';
import type { Step } from '../conversation/stepMachine.js';
import type { TurnMetrics } from './flowMetrics.js';

export interface TurnMetricsInput {
  bundle: DialogBundle;
  /** The persisted snapshot before the turn; undefined for a new conversation. */
  previous: unknown;
  step: Pick<Step, 'state' | 'said'> & { context: Pick<NegotiationContext, 'offers' | 'presentedIds'> };
  agreement: Agreement | undefined;
  at: string;
  /** Set on the turn that escalated: its reason is counted. */
  handoff?: Pick<Handoff, 'reason'> | undefined;
  /** The experiment the case runs in, if any. */
  experiment?: string | undefined;
}

export function turnMetrics({
  bundle,
  previous,
  step,
  agreement,
  at,
  handoff,
  experiment,
}: TurnMetricsInput): TurnMetrics {
  const from = previous === undefined ? START : (leafPathOf((previous as { value?: unknown }).value) ?? START);
  const transitions: TurnMetrics['transitions'] = [];
  if (from === START) {
    const initial = initialLeaf(bundle.machine.root).path.join('.') || step.state;
    transitions.push({ from: START, to: initial });
    if (initial !== step.state) transitions.push({ from: initial, to: step.state });
  } else if (from !== step.state) transitions.push({ from, to: step.state });
  const shown = step.said.some((said) => said.card === 'offers')
    ? step.context.presentedIds.flatMap((id) =>
        step.context.offers.filter((offer) => offer.id === id).map((offer) => offer.kind),
      )
    : [];
  return {
    version: bundle.version,
    day: at.slice(0, 10),
    transitions,
    shown,
    accepted: agreement ? [agreement.offer.kind] : [],
    outcomes: [
      ...(handoff && from !== 'escalated' ? [`escalated:${handoff.reason}`] : []),
      // Only the borrower ends a case in `closed` within a bot turn (an agent's close is counted apart).
      ...(step.state === 'closed' && from !== 'closed' ? ['optedOut'] : []),
    ],
    ...(experiment ? { experiment } : {}),
  };
}
