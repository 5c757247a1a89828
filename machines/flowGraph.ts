// The flow as a graph of leaf states: what the diagram draws and what the funnel counts transitions between.
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { initialLeaf, ownTransitions } from './stateNodes.js';

export interface FlowNode {
  /** Dotted path, as a turn reports it: `conversation.interview.askingIncome`. */
  id: string;
  label: string;
  /** Parent state path, undefined at the top level. */
  parent?: string;
  final: boolean;
  description?: string;
}

/** A parent state whose own transitions apply from every state inside it. */
export interface FlowGroup {
  id: string;
  label: string;
  parent?: string;
  description?: string;
  /** True when the group itself has transitions (drawn as "any state in …"). */
  hasTransitions: boolean;
}

export interface FlowEdge {
  /** A leaf id, a group id (its transitions apply to every state inside), or `[*]` for the start. */
  from: string;
  to: string;
  events: string[];
}

export interface FlowGraph {
  initial: string;
  nodes: FlowNode[];
  groups: FlowGroup[];
  edges: FlowEdge[];
}

export const START = '[*]';

export function flowGraph(machine: AnyStateMachine): FlowGraph {
  const idOf = (node: AnyStateNode) => node.path.join('.');
  const parentOf = (node: AnyStateNode) => (node.parent && node.parent.path.length > 0 ? idOf(node.parent) : undefined);
  const nodes: FlowNode[] = [];
  const groups: FlowGroup[] = [];
  const edges = new Map<string, FlowEdge>();
  const addEdge = (from: string, to: string, event: string) => {
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, events: [] };
    if (!edge.events.includes(event)) edge.events.push(event);
    edges.set(key, edge);
  };
  const visit = (node: AnyStateNode) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const transitions = ownTransitions(node);
    const targeted = transitions.filter((transition) => (transition.target ?? []).length > 0);
    const description = node.description ? { description: node.description } : {};
    const parent = parentOf(node);
    if (node.path.length > 0 && children.length === 0)
      nodes.push({
        id: idOf(node),
        label: node.key,
        ...(parent ? { parent } : {}),
        final: node.type === 'final',
        ...description,
      });
    else if (node.path.length > 0)
      groups.push({
        id: idOf(node),
        label: node.key,
        ...(parent ? { parent } : {}),
        hasTransitions: targeted.length > 0,
        ...description,
      });
    for (const transition of targeted) {
      for (const target of transition.target ?? [])
        addEdge(idOf(node), idOf(initialLeaf(target)), transition.eventType === '' ? 'always' : transition.eventType);
    }
    children.forEach(visit);
  };
  visit(machine.root);
  const initial = idOf(initialLeaf(machine.root));
  addEdge(START, initial, 'start');
  return { initial, nodes, groups, edges: [...edges.values()] };
}
