// How many conversations took each arrow of the diagram, and what share of those who were at its start that is.
import { START, type FlowGraph } from '../../machines/flowGraph.js';
import type { Funnel } from './funnel.js';

export interface EdgeCount {
  from: string;
  to: string;
  count: number;
  /** Share of those who entered `from` (every state inside it, for a group), whole percent; 0 when none entered. */
  percent: number;
}

/** A leaf's arrow counts its own transitions; a group's arrow counts its states' transitions no own arrow of theirs explains. */
export function edgeCounts(graph: FlowGraph, funnel: Funnel): EdgeCount[] {
  const state = new Map(funnel.states.map((s) => [s.id, s]));
  const ownEdge = new Set(graph.edges.map((e) => `${e.from}>${e.to}`));
  const share = (count: number, base: number) => (base > 0 ? Math.round((count / base) * 100) : 0);
  return graph.edges.map(({ from, to }) => {
    if (from === START) return { from, to, count: funnel.started, percent: funnel.started > 0 ? 100 : 0 };
    const leaf = state.get(from);
    if (leaf && graph.nodes.some((n) => n.id === from)) {
      const count = leaf.left[to] ?? 0;
      return { from, to, count, percent: share(count, leaf.entered) };
    }
    const inside = funnel.states.filter((s) => s.id.startsWith(`${from}.`));
    const count = inside.filter((s) => !ownEdge.has(`${s.id}>${to}`)).reduce((n, s) => n + (s.left[to] ?? 0), 0);
    return {
      from,
      to,
      count,
      percent: share(
        count,
        inside.reduce((n, s) => n + s.entered, 0),
      ),
    };
  });
}
