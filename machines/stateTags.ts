// The state tags the code relies on (XState `tags` in the flow file): the desk hands a case back to the state carrying one.
import type { AnyStateNode } from 'xstate';

/** Tag → the state that carries it in the shipped flow, and what the code does there (for the check's message). */
export const STATE_TAGS = {
  'resume.offers': {
    usualState: 'conversation.negotiating.presentingOffers',
    use: 'the desk hands a case with offers back here',
  },
  'resume.interview': {
    usualState: 'conversation.interview.askingReason',
    use: 'the desk hands a verified case without offers back here',
  },
  'resume.verifyingIdentity': {
    usualState: 'conversation.verifyingIdentity.askingIdLast4',
    use: 'the desk hands an unverified case whose account was asked for back here',
  },
  'resume.findingAccount': {
    usualState: 'conversation.findingAccount',
    use: 'the desk hands a case without an account back here',
  },
} as const;
export type StateTag = keyof typeof STATE_TAGS;

/** The states carrying `tag`, depth first. */
export function statesTagged(root: AnyStateNode, tag: StateTag): AnyStateNode[] {
  const own = root.tags.includes(tag) ? [root] : [];
  return [...own, ...(Object.values(root.states) as AnyStateNode[]).flatMap((child) => statesTagged(child, tag))];
}
