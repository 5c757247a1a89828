// A borrower who passes the identity check again (a new device) while offers were on the table goes back to them.
import type { NegotiationContext } from '../../machines/context.js';
import type { DialogBundle } from '../dialogs/dialogBundle.js';
import type { CaseRecord } from '../domain/case.js';
import { negotiationFacts } from '../handoff/negotiationFacts.js';
import { resumeNegotiation } from '../handoff/resumeNegotiation.js';
import type { Step } from './stepMachine.js';

/**
 * The flow goes from the identity check to the interview; a case that had offers before it was asked again
 * resumes at the offers (with the same resume as a hand-back), not at the first interview question.
 * Undefined when this step did not pass a check repeated after offers were made.
 */
export function backToOffersAfterReverifying(input: {
  bundle: DialogBundle;
  record: CaseRecord;
  previous: NegotiationContext | undefined;
  step: Step;
}): Step | undefined {
  const { bundle, record, previous, step } = input;
  if (previous?.identityVerified !== false || !step.context.identityVerified || step.done) return undefined;
  if (previous.offers.length === 0) return undefined;
  const resumed = resumeNegotiation({
    bundle,
    record: { ...record, identityVerified: true },
    facts: negotiationFacts(step.persisted),
    proposed: [],
  });
  return {
    persisted: resumed.snapshot,
    said: [...step.said.filter((said) => said.key === 'identity.confirmed'), ...resumed.said],
    context: resumed.context,
    state: resumed.state,
    done: false,
  };
}
