// What changed between two versions: prompts (and FAQ answers) per locale, canned replies, policy values, flow states and transitions.
import { parse } from 'yaml';
import { LOCALES, type Locale } from '../../domain/account.js';
import { flowGraph, type FlowGraph } from '../../../machines/flowGraph.js';
import type { DialogBundle } from '../dialogBundle.js';
import { POLICY_FILE } from '../loadDialogBundle.js';

export interface TextChange {
  locale: Locale;
  key: string;
  before?: string;
  after?: string;
}

export interface VersionDiff {
  from: string;
  to: string;
  prompts: TextChange[];
  canned: TextChange[];
  policy: Array<{ path: string; before?: unknown; after?: unknown }>;
  states: { added: string[]; removed: string[] };
  transitions: { added: string[]; removed: string[] };
}

function scalars(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) scalars(child, prefix ? `${prefix}.${key}` : key, out);
  else out.set(prefix, value);
  return out;
}

function texts(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, locale: Locale): TextChange[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => ({ locale, key, ...optional('before', a.get(key)), ...optional('after', b.get(key)) }));
}

const optional = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : { [key]: value });

function states(graph: FlowGraph, prefix: string) {
  return {
    nodes: new Set(graph.nodes.map((n) => `${prefix}${n.id}`)),
    edges: new Set(graph.edges.map((e) => `${prefix}${e.from} → ${e.to} (${e.events.join(', ')})`)),
  };
}

const added = (a: Set<string>, b: Set<string>) => [...b].filter((x) => !a.has(x)).sort();

export function diffVersions(a: DialogBundle, b: DialogBundle, filesA: ReadonlyMap<string, string>, filesB: ReadonlyMap<string, string>): VersionDiff {
  const canned = (bundle: DialogBundle, locale: Locale) => new Map((bundle.canned[locale] ?? []).map((r) => [`/${r.code}`, r.text]));
  const policyA = scalars(parse(filesA.get(POLICY_FILE) ?? ''));
  const policyB = scalars(parse(filesB.get(POLICY_FILE) ?? ''));
  const paths = [...new Set([...policyA.keys(), ...policyB.keys()])].sort();
  const graphsA = [states(flowGraph(a.machine), ''), states(flowGraph(a.plan.machine), 'plan:')];
  const graphsB = [states(flowGraph(b.machine), ''), states(flowGraph(b.plan.machine), 'plan:')];
  const union = (sets: Array<{ nodes: Set<string>; edges: Set<string> }>, part: 'nodes' | 'edges') => new Set(sets.flatMap((s) => [...s[part]]));
  const [nodesA, nodesB, edgesA, edgesB] = [union(graphsA, 'nodes'), union(graphsB, 'nodes'), union(graphsA, 'edges'), union(graphsB, 'edges')];
  return {
    from: a.version,
    to: b.version,
    prompts: LOCALES.flatMap((locale) => texts(a.prompts[locale], b.prompts[locale], locale)),
    canned: LOCALES.flatMap((locale) => texts(canned(a, locale), canned(b, locale), locale)),
    policy: paths
      .filter((path) => JSON.stringify(policyA.get(path)) !== JSON.stringify(policyB.get(path)))
      .map((path) => ({ path, ...optional('before', policyA.get(path)), ...optional('after', policyB.get(path)) })),
    states: { added: added(nodesA, nodesB), removed: added(nodesB, nodesA) },
    transitions: { added: added(edgesA, edgesB), removed: added(edgesB, edgesA) },
  };
}
