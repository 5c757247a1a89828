// Placeholders per state: a prompt may only use values the conversation is sure to have where the flow says it.
import type { AnyStateNode } from 'xstate';
import type { FlowProblem } from '../../../machines/flow.js';
import { initialLeaf, leavesOf, transitionsIn } from '../../../machines/stateNodes.js';
import { VARIABLE_NEEDS, type Fact } from '../promptVariables.js';
import type { DialogBundle } from '../dialogBundle.js';
import { placeholdersOf } from '../prompts.js';
import { INTERVIEW_FIELDS } from '../../domain/hardship.js';

/** What running an action, passing a guard, or entering a state makes known. */
const FACTS_OF_ACTION: Readonly<Record<string, Fact>> = { recordAccount: 'account', computeOffers: 'offers', chooseOffer: 'chosenOffer', acceptCounterOffer: 'chosenOffer', rejectCounterOffer: 'counter', recordAmount: 'heard', recordRecovery: 'heard', recordDependants: 'heard', applyCorrection: 'heard', recordFacts: 'heard' };
// The identity check passes only against an account found, so passing it makes the account known.
const FACTS_OF_GUARD: Readonly<Record<string, Fact>> = { hasAccount: 'account', isIdentityConfirmed: 'account' };
/** The bot records the agreement when the machine enters `agreed` (src/conversation/caseOutcome.ts). */
const FACTS_OF_STATE: Readonly<Record<string, Fact>> = { agreed: 'agreement' };
const ALL_FACTS = new Set<Fact>(Object.values(VARIABLE_NEEDS));

/** Actions that record an answer and then say it back: their own fact is known to what they say. */
const SAYS_WHAT_IT_RECORDS: ReadonlySet<string> = new Set(['recordAmount', 'recordRecovery', 'recordDependants', 'applyCorrection', 'recordFacts']);

type Ref = string | { type: string; params?: unknown };
const nameOf = (ref: unknown) => (typeof ref === 'string' ? ref : ((ref as { type?: string }).type ?? ''));

/** The prompt keys an action says, as machines/actions.ts does. */
function keysSaid(ref: Ref, escalationReason: string | undefined): string[] {
  const name = nameOf(ref);
  const params = (typeof ref === 'object' ? ref.params : undefined) as { key?: string } | undefined;
  if (name === 'say' || name === 'ask') return params?.key ? [params.key] : [];
  if (name === 'presentOffers') return ['offers.intro', 'offers.fallback', 'offers.choose'];
  if (name === 'presentAlternatives') return ['offers.alternatives', 'offers.fallback', 'offers.choose'];
  if (name === 'announceEscalation' && escalationReason) return [`escalation.${escalationReason}`];
  // recordAmount says the amount back, after recording it: its own fact is known to its prompt.
  if (name === 'recordAmount')
    return [`readBack.${(params as { field?: string } | undefined)?.field ?? ''}`, 'readBack.rangeAmount'];
  if (name === 'recordRecovery') return ['readBack.recoveryMonths', 'readBack.rangeRecoveryMonths'];
  if (name === 'recordDependants') return ['readBack.dependants', 'readBack.rangeDependants'];
  if (name === 'applyCorrection') return ['corrected.changed'];
  if (name === 'recordFacts') return INTERVIEW_FIELDS.map((field) => `readBack.${field}`);
  return [];
}

interface Site {
  where: string;
  actions: readonly Ref[];
  known: Set<Fact>;
  /** For the entry of `escalated`: the reason the transition into it gave. */
  reason?: string;
}

const escalationOf = (actions: readonly Ref[]) =>
  actions.map((ref) => (typeof ref === 'object' && ref.type === 'escalate' ? (ref.params as { reason?: string } | undefined)?.reason : undefined)).find(Boolean);

/** Records each action as a site with what is known just before it, then adds what it makes known. */
function learn(where: string, actions: readonly Ref[], facts: Set<Fact>, sites: Site[], reason: string | undefined): void {
  for (const ref of actions) {
    const fact = FACTS_OF_ACTION[nameOf(ref)];
    // An action says its prompts after it assigns (recordAmount), and none says what it is about to learn otherwise.
    if (fact && SAYS_WHAT_IT_RECORDS.has(nameOf(ref))) facts.add(fact);
    sites.push({ where, actions: [ref], known: new Set(facts), ...(reason ? { reason } : {}) });
    if (fact) facts.add(fact);
  }
}

/** Must-analysis over the machine: a fact is known in a state when every way in made it known. */
export function lintPlaceholdersByState(bundle: DialogBundle, promptFile: (locale: string) => string, lineOf: (locale: string, key: string) => number | undefined = () => undefined): FlowProblem[] {
  const ancestors = (node: AnyStateNode) => {
    const chain: AnyStateNode[] = [];
    for (let at: AnyStateNode | undefined = node; at; at = at.parent) chain.unshift(at);
    return chain;
  };
  const leaves = leavesOf(bundle.machine.root);
  const enter = (from: AnyStateNode | undefined, to: AnyStateNode, known: Set<Fact>, sites: Site[], reason?: string) => {
    const already = new Set(from ? ancestors(from) : []);
    const result = new Set(known);
    for (const node of ancestors(to).filter((n) => !already.has(n))) {
      const fact = FACTS_OF_STATE[node.key];
      if (fact) result.add(fact);
      learn(node.path.join('.') || '(root)', node.entry as Ref[], result, sites, reason);
    }
    return result;
  };

  const known = new Map<AnyStateNode, Set<Fact>>(leaves.map((leaf) => [leaf, new Set(ALL_FACTS)]));
  const start = initialLeaf(bundle.machine.root);
  const startFacts = enter(undefined, start, new Set<Fact>(['always']), []);
  let sites: Site[] = [];
  for (let changed = true, rounds = 0; changed && rounds < 50; rounds++) {
    changed = false;
    sites = [];
    const incoming = new Map<AnyStateNode, Set<Fact>>([[start, startFacts]]);
    const meet = (leaf: AnyStateNode, facts: Set<Fact>) => {
      const before = incoming.get(leaf);
      incoming.set(leaf, before ? new Set([...before].filter((fact) => facts.has(fact))) : facts);
    };
    for (const leaf of leaves) {
      for (const transition of transitionsIn(leaf)) {
        const facts = new Set(known.get(leaf));
        const guard = FACTS_OF_GUARD[nameOf(transition.guard ?? '')];
        if (guard) facts.add(guard);
        const reason = escalationOf(transition.actions as Ref[]);
        learn(`${leaf.path.join('.')} on ${transition.eventType}`, transition.actions as Ref[], facts, sites, reason);
        for (const target of transition.target ?? []) meet(initialLeaf(target), enter(leaf, initialLeaf(target), facts, sites, reason));
      }
    }
    for (const leaf of leaves) {
      const next = incoming.get(leaf) ?? new Set(ALL_FACTS);
      if (next.size !== known.get(leaf)!.size) changed = true; // facts only ever shrink toward the fixpoint
      known.set(leaf, next);
    }
  }
  return problemsAt(sites, bundle, promptFile, lineOf);
}

function problemsAt(sites: Site[], bundle: DialogBundle, promptFile: (locale: string) => string, lineOf: (locale: string, key: string) => number | undefined): FlowProblem[] {
  const problems = new Map<string, FlowProblem>();
  for (const site of sites) {
    const escalation = site.reason;
    for (const ref of site.actions) {
      for (const key of keysSaid(ref, escalation)) {
        for (const [locale, prompts] of Object.entries(bundle.prompts)) {
          for (const name of placeholdersOf(prompts.get(key) ?? '')) {
            const need = VARIABLE_NEEDS[name];
            if (!need || site.known.has(need)) continue;
            const id = `${locale}|${key}|${name}|${site.where}`;
            problems.set(id, { file: promptFile(locale), line: lineOf(locale, key), where: `prompt ${key}`, message: `{${name}} needs the ${need}, which the flow does not always have where it says this prompt (${site.where})` });
          }
        }
      }
    }
  }
  return [...problems.values()];
}
