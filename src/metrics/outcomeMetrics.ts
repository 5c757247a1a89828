// Funnel counts for what happens outside a bot turn: an agent's agreement or close, a plan's step after the agreement.
import { START } from '../../machines/flowGraph.js';
import { leafPathOf } from '../../machines/stateNodes.js';
import type { FlowMetrics } from './flowMetrics.js';

/** The plan lifecycle of a version is counted under its own name beside the negotiation's. */
export const planMetricsVersion = (version: string): string => `${version}-plan`;

/** An agent ended the case: it moves from the state the bot left it in to `agreed` or `closed`. */
export async function recordAgentOutcome(
  metrics: FlowMetrics | undefined,
  record: { flowVersion: string; snapshot?: unknown; experiment?: string | undefined },
  outcome: 'agreed' | 'closed',
  at: string,
  offerKind?: string,
): Promise<void> {
  if (!metrics) return;
  const from = leafPathOf((record.snapshot as { value?: unknown } | undefined)?.value) ?? START;
  if (from === outcome) return;
  await metrics.record({
    version: record.flowVersion,
    day: at.slice(0, 10),
    transitions: [{ from, to: outcome }],
    shown: [],
    accepted: offerKind ? [offerKind] : [],
    ...(record.experiment ? { experiment: record.experiment } : {}),
  });
}

/** A committed plan step: from the plan's earlier state (the start for a new plan) to its new one. */
export async function recordPlanStep(
  metrics: FlowMetrics | undefined,
  flowVersion: string,
  from: string | undefined,
  to: string,
  at: string,
): Promise<void> {
  if (!metrics || from === to || !to) return;
  await metrics.record({
    version: planMetricsVersion(flowVersion),
    day: at.slice(0, 10),
    transitions: [{ from: from ?? START, to }],
    shown: [],
    accepted: [],
  });
}
