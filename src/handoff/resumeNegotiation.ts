// Hand-back: a machine snapshot at a sensible state (the offers when there are any) and what the bot says on resuming.
import type { StateValue } from 'xstate';
import { initialContext, type Ask, type NegotiationContext, type Said } from '../../machines/context.js';
import type { StateConfig } from '../../machines/flowSchema.js';
import { PERSON_CHOICE, ACTION_PARAMS } from '../../machines/actions.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { CaseRecord } from '../domain/case.js';
import type { Offer } from '../domain/offers/offer.js';
import { renderReplies, type OutgoingMessage } from '../conversation/render/renderReplies.js';
import { stepMachine } from '../conversation/stepMachine.js';
import type { NegotiationFacts } from './negotiationFacts.js';
import { statesTagged, type StateTag } from '../../machines/stateTags.js';

export interface Resumed {
  snapshot: unknown;
  /** Leaf state path the bot resumes at, e.g. `conversation.negotiating.presentingOffers`. */
  state: string;
  replies: OutgoingMessage[];
  /** What was said, before rendering, and the context after it (for a turn that renders the replies itself). */
  said: Said[];
  context: NegotiationContext;
}

/**
 * Offers computed before (and the agent's proposals, first) are shown again; without offers the
 * interview restarts when the identity was checked, else the account question is asked again.
 */
export function resumeNegotiation(input: {
  bundle: DialogBundle;
  record: CaseRecord;
  facts: NegotiationFacts;
  proposed: readonly Offer[];
}): Resumed {
  const { bundle, record, facts } = input;
  const offers = [
    ...input.proposed.filter((offer, i, all) => all.findIndex((o) => o.id === offer.id) === i).reverse(),
    ...facts.offers.filter((offer) => !input.proposed.some((p) => p.id === offer.id)),
  ];
  const tag = resumeTag(record, facts, offers.length > 0);
  // `flows check` makes sure exactly one state carries each of these tags.
  const path = statesTagged(bundle.machine.root, tag)[0]!.path;
  const toOffers = tag === 'resume.offers';
  const presentedIds = toOffers
    ? [...new Set([...input.proposed.map((offer) => offer.id).reverse(), ...facts.presentedIds])].slice(
        0,
        bundle.limits.maxOffersShown,
      )
    : facts.presentedIds;
  const lastAsk: Ask | undefined = toOffers
    ? { key: 'offers.choose', expects: 'offer', choices: [...presentedIds, 'another', PERSON_CHOICE] }
    : entryAsk(bundle.flow.states as Record<string, StateConfig>, path);
  const context = {
    ...(facts.context ?? initialContext({ caseId: record.caseId })),
    offers,
    presentedIds,
    shownIds: [...new Set([...facts.shownIds, ...presentedIds])],
    chosenOffer: undefined,
    counterAttempts: 0,
    counterMinimumMinor: undefined,
    misunderstandings: 0,
    escalation: undefined,
    lastAsk,
    // A case asked again who it is (a new device) is not verified until the answers come, whatever the snapshot said.
    identityVerified: record.identityVerified === true,
    idLast4Matched: undefined,
  } satisfies NegotiationContext;
  const resolved = bundle.machine.resolveState({ value: nest(path), context });
  const persisted = bundle.machine.getPersistedSnapshot(resolved);
  const step = stepMachine(bundle.machine, persisted, { caseId: record.caseId }, [{ type: 'repeat.requested' }]);
  const said = toOffers
    ? [{ type: 'say' as const, key: 'offers.intro', card: 'offers' as const }, ...step.said]
    : step.said;
  const replies = renderReplies(said, {
    context: step.context,
    locale: record.locale,
    prompts: bundle.prompts[record.locale],
    figures: bundle.figures,
  });
  return { snapshot: step.persisted, state: step.state, replies, said, context: step.context };
}

/** An unverified borrower resumes at the identity check (or the account question when none was given), whatever was discussed. */
function resumeTag(record: CaseRecord, facts: NegotiationFacts, hasOffers: boolean): StateTag {
  if (record.identityVerified !== true)
    return facts.context?.identityKey ? 'resume.verifyingIdentity' : 'resume.findingAccount';
  return facts.account && hasOffers ? 'resume.offers' : facts.account ? 'resume.interview' : 'resume.findingAccount';
}

function nest(path: readonly string[]): StateValue {
  const [head, ...rest] = path;
  return rest.length === 0 ? head! : { [head!]: nest(rest) };
}

/** The question a state asks on entry, read from the flow (its `ask` action's parameters). */
function entryAsk(states: Record<string, StateConfig>, path: readonly string[]): Ask | undefined {
  let node: StateConfig | undefined;
  let level: Record<string, StateConfig> | undefined = states;
  for (const name of path) {
    node = level?.[name];
    level = node?.states;
  }
  const ask = node?.entry?.find((ref) => typeof ref === 'object' && ref.type === 'ask');
  const parsed = typeof ask === 'object' ? ACTION_PARAMS.ask.safeParse(ask.params) : undefined;
  if (!parsed?.success) return undefined;
  return {
    key: parsed.data.key,
    expects: parsed.data.expects,
    choices: parsed.data.choices ?? [],
    ...(parsed.data.card ? { card: parsed.data.card } : {}),
  };
}
