// Walking a built machine's state nodes: leaves, the leaf a target enters, transitions that apply in a leaf.
import type { AnyStateNode } from 'xstate';

type Transition = AnyStateNode['transitions'] extends Map<string, Array<infer T>> ? T : never;

/** The leaf a transition to `node` ends in: compound states enter their initial child, down to a leaf. */
export function initialLeaf(node: AnyStateNode): AnyStateNode {
  const initial = node.initial?.target?.[0];
  return node.type === 'compound' && initial ? initialLeaf(initial) : node;
}

/** Every state without children, depth first. */
export function leavesOf(root: AnyStateNode): AnyStateNode[] {
  const children = Object.values(root.states) as AnyStateNode[];
  return children.length === 0 ? [root] : children.flatMap(leavesOf);
}

/** A state's own transitions: its events and its `always`. */
export function ownTransitions(node: AnyStateNode): Transition[] {
  return [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
}

/** The transitions that apply while in `leaf`: its own and every ancestor's, nearest first. */
export function transitionsIn(leaf: AnyStateNode): Transition[] {
  const all: Transition[] = [];
  for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) all.push(...ownTransitions(node));
  return all;
}

/** The active leaf of a snapshot value: `{ conversation: { interview: 'askingIncome' } }` → `conversation.interview.askingIncome`. */
export function leafPathOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return undefined;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0] ?? [];
  if (key === undefined) return undefined;
  const rest = leafPathOf(child);
  return rest ? `${key}.${rest}` : key;
}
