// Loads a flow file and checks it: schema, named guards/actions/params, reachability, dead ends.
import { LineCounter, parseDocument } from 'yaml';
import type { AnyStateNode } from 'xstate';
import { ACTION_PARAMS, PERSON_CHOICE } from './actions.js';
import { NegotiationEventSchema } from './context.js';
import {
  FlowSchema,
  asTransitions,
  eachState,
  refName,
  refParams,
  type FlowConfig,
  type NamedRef,
} from './flowSchema.js';
import { ACTION_NAMES, GUARD_NAMES, createNegotiationMachine } from './negotiation.js';
import type { MachineDeps } from './negotiationSetup.js';
import { initialLeaf, leavesOf, transitionsIn } from './stateNodes.js';
import { STATE_TAGS, statesTagged, type StateTag } from './stateTags.js';

export interface FlowProblem {
  file: string;
  line?: number;
  where: string;
  message: string;
  /** Errors stop start-up and fail `flows check`; warnings are only reported. Default: error. */
  severity?: 'error' | 'warning';
}

export interface LoadedFlow {
  flow: FlowConfig;
  /** Every prompt key the flow can say, for the prompt files to be checked against. */
  promptKeys: Set<string>;
}

/** Parses and checks a flow; problems are returned, not thrown, so a checker can list them all. */
export function checkFlowText(text: string, file: string): { loaded?: LoadedFlow; problems: FlowProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (statePath: string): number | undefined => {
    const yamlPath = statePath === '(root)' ? [] : statePath.split('.').flatMap((name) => ['states', name]);
    const node = doc.getIn(yamlPath, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : undefined;
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        file,
        line: error.linePos?.[0]?.line,
        where: '(yaml)',
        message: error.message,
      })),
    };
  }
  const parsed = FlowSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const where = issue.path.filter((part) => part !== 'states').join('.') || '(root)';
        return { file, where, message: issue.message };
      }),
    };
  }
  const flow = parsed.data as FlowConfig;
  const problems: FlowProblem[] = [];
  const report = (where: string, message: string) => problems.push({ file, line: lineOf(where), where, message });
  const promptKeys = checkNames(flow, report);
  if (problems.length === 0) checkGraph(flow, report);
  return { loaded: { flow, promptKeys }, problems };
}

/** One line per problem: `file:line: state …: message`. */
export function formatProblems(problems: FlowProblem[]): string {
  const subject = (where: string) => (where.includes(' ') || where.startsWith('(') ? where : `state ${where}`);
  return problems
    .map(
      (p) =>
        `${p.file}${p.line ? `:${p.line}` : ''}: ${p.severity === 'warning' ? 'warning: ' : ''}${subject(p.where)}: ${p.message}`,
    )
    .join('\n');
}

export function isError(problem: FlowProblem): boolean {
  return problem.severity !== 'warning';
}

function checkNames(flow: FlowConfig, report: (where: string, message: string) => void): Set<string> {
  const keys = new Set<string>();
  const reasons = new Set<string>();
  const checkAction = (where: string, ref: NamedRef) => {
    const name = refName(ref);
    if (!ACTION_NAMES.has(name))
      return report(where, `unknown action "${name}" (known: ${[...ACTION_NAMES].join(', ')})`);
    const schema = (
      ACTION_PARAMS as Record<
        string,
        { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } } }
      >
    )[name];
    const params = refParams(ref);
    if (schema) {
      const result = schema.safeParse(params);
      if (!result.success)
        return report(
          where,
          `action "${name}" has bad params: ${result.error?.issues.map((i) => `${i.path.join('.') || 'params'} ${i.message}`).join('; ')}`,
        );
    }
    for (const key of promptKeysOf(name, params)) keys.add(key);
    if (name === 'escalate') reasons.add((params as { reason: string }).reason);
  };
  eachState(flow, (where, state) => {
    for (const ref of [...(state.entry ?? []), ...(state.exit ?? [])]) checkAction(where, ref);
    for (const event of Object.keys(state.on ?? {}))
      if (!EVENT_TYPES.has(event)) report(where, `unknown event "${event}" (known: ${[...EVENT_TYPES].join(', ')})`);
    const transitions = [...Object.values(state.on ?? {}).flatMap(asTransitions), ...asTransitions(state.always)];
    for (const transition of transitions) {
      if (transition.guard && !GUARD_NAMES.has(refName(transition.guard)))
        report(where, `unknown guard "${refName(transition.guard)}" (known: ${[...GUARD_NAMES].join(', ')})`);
      for (const ref of transition.actions ?? []) checkAction(where, ref);
    }
    if (state.states && !state.initial) report(where, 'a state with child states needs `initial`');
    if (state.initial && !state.states?.[state.initial])
      report(where, `initial state "${state.initial}" does not exist`);
  });
  for (const reason of reasons) keys.add(`escalation.${reason}`);
  return keys;
}

/** The event types the machine can receive: a transition on any other name would never fire. */
const EVENT_TYPES: ReadonlySet<string> = new Set(
  NegotiationEventSchema.options.map((option) => option.shape.type.value),
);

function promptKeysOf(action: string, params: unknown): string[] {
  const p = (params ?? {}) as { key?: string; choices?: string[]; expects?: string; offerPerson?: boolean };
  const choiceKeys = (ids: string[]) => ids.map((id) => `choice.${id}`);
  const offerKeys = ['offers.choose', 'choice.another', `choice.${PERSON_CHOICE}`];
  switch (action) {
    case 'say':
    case 'ask':
      return [p.key ?? '', ...choiceKeys(p.choices ?? []), ...(p.expects === 'offer' ? offerKeys : [])];
    case 'repeatQuestion':
      return p.offerPerson ? [`choice.${PERSON_CHOICE}`] : [];
    case 'presentOffers':
      return ['offers.intro', 'offers.fallback', ...offerKeys];
    case 'presentAlternatives':
      return ['offers.alternatives', 'offers.fallback', ...offerKeys];
    default:
      return [];
  }
}

const STUB_DEPS = { rules: {}, limits: {} } as MachineDeps;

function checkGraph(flow: FlowConfig, report: (where: string, message: string) => void): void {
  let machine;
  try {
    machine = createNegotiationMachine(flow, STUB_DEPS);
  } catch (error) {
    return report('(root)', `XState rejected the config: ${(error as Error).message}`);
  }
  checkStateGraph(machine.root, report);
  const pathOf = (node: AnyStateNode) => node.path.join('.') || '(root)';
  for (const [tag, { usualState, use }] of Object.entries(STATE_TAGS)) {
    const tagged = statesTagged(machine.root, tag as StateTag);
    if (tagged.length === 0)
      report(
        usualState,
        `tag ${tag}: no state carries it (renamed or removed?); ${use}, so put \`tags: [${tag}]\` on one state`,
      );
    for (const extra of tagged.slice(1))
      report(pathOf(extra), `tag ${tag}: also on ${pathOf(tagged[0]!)}; exactly one state may carry it`);
  }
}

/** Every leaf reachable from the initial state, and every reachable leaf able to reach a final state. */
export function checkStateGraph(root: AnyStateNode, report: (where: string, message: string) => void): void {
  const pathOf = (node: AnyStateNode) => node.path.join('.') || '(root)';
  const leaves = leavesOf(root);
  const next = new Map<AnyStateNode, Set<AnyStateNode>>(
    leaves.map((leaf) => [
      leaf,
      new Set(transitionsIn(leaf).flatMap((transition) => (transition.target ?? []).map(initialLeaf))),
    ]),
  );
  const reachable = new Set<AnyStateNode>([initialLeaf(root)]);
  for (const queue = [...reachable]; queue.length > 0;) {
    for (const target of next.get(queue.shift()!) ?? []) {
      if (reachable.has(target)) continue;
      reachable.add(target);
      queue.push(target);
    }
  }
  const ending = new Set(leaves.filter((leaf) => leaf.type === 'final'));
  for (let grew = true; grew;) {
    grew = false;
    for (const leaf of leaves) {
      if (ending.has(leaf) || ![...(next.get(leaf) ?? [])].some((t) => ending.has(t))) continue;
      ending.add(leaf);
      grew = true;
    }
  }
  for (const leaf of leaves) {
    if (!reachable.has(leaf)) report(pathOf(leaf), 'unreachable: no transition leads here from the initial state');
    else if (!ending.has(leaf))
      report(pathOf(leaf), 'dead end: no path from here reaches a final state (agreed, escalated or closed)');
  }
}
