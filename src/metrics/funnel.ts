// Turns raw transition counts into the funnel a product owner reads: entered, left to each next state, stopped.
import { START, type FlowGraph } from '../../machines/flowGraph.js';
import { TRANSITION_SEPARATOR, type FlowCounts } from './flowMetrics.js';

export interface StateFunnel {
  id: string;
  entered: number;
  /** Next state → how many left to it. */
  left: Record<string, number>;
  /** Entered and not (yet) left: the conversation ended here, or is still here. */
  stopped: number;
}

export interface Funnel {
  /** Conversations that started in the period. */
  started: number;
  states: StateFunnel[];
  offers: Array<{ kind: string; shown: number; accepted: number }>;
}

/** States in the graph's order first, then any the counts name that this version no longer has. */
export function summarizeFunnel(
  graph: FlowGraph,
  counts: Pick<FlowCounts, 'transitions' | 'shown' | 'accepted'>,
): Funnel {
  const states = new Map<string, StateFunnel>();
  const stateOf = (id: string) => {
    const existing = states.get(id) ?? { id, entered: 0, left: {}, stopped: 0 };
    states.set(id, existing);
    return existing;
  };
  for (const node of graph.nodes) stateOf(node.id);
  let started = 0;
  for (const [pair, count] of Object.entries(counts.transitions)) {
    const [from, to] = pair.split(TRANSITION_SEPARATOR) as [string, string];
    if (from === START) started += count;
    else stateOf(from).left[to] = (stateOf(from).left[to] ?? 0) + count;
    stateOf(to).entered += count;
  }
  for (const state of states.values())
    state.stopped = Math.max(0, state.entered - Object.values(state.left).reduce((sum, n) => sum + n, 0));
  const kinds = [...new Set([...Object.keys(counts.shown), ...Object.keys(counts.accepted)])].sort();
  return {
    started,
    states: [...states.values()],
    offers: kinds.map((kind) => ({ kind, shown: counts.shown[kind] ?? 0, accepted: counts.accepted[kind] ?? 0 })),
  };
}
