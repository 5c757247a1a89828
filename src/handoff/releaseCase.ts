// Ending the desk's part: an agreement the borrower accepted, a hand-back to the bot, or a close with an outcome.
import { initialContext } from '../../machines/context.js';
import { renderReplies, type OutgoingMessage } from '../conversation/render/renderReplies.js';
import { botEntries } from '../conversation/transcriptEntries.js';
import { makeAgreement } from '../domain/agreement.js';
import type { Agreement, CaseRecord } from '../domain/case.js';
import { maskPersonalData } from '../domain/maskPersonalData.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { HttpError } from '../errors.js';
import {
  agentEntry,
  assertHolds,
  assertVerified,
  bundleOf,
  deliver,
  deskMessage,
  withoutHandoff,
  type DeskAgent,
  type DeskDeps,
} from './deskDeps.js';
import { negotiationFacts, proposedOffers } from './negotiationFacts.js';
import { resumeNegotiation } from './resumeNegotiation.js';
import { askSatisfaction } from './satisfactionSurvey.js';
import { updateCase } from './updateCase.js';
import { recordAgentOutcome } from '../metrics/outcomeMetrics.js';

interface Release<T> {
  record: CaseRecord;
  messages: OutgoingMessage[];
  /** Said by the bot once the handoff is completed (a hand-back's resumed question). */
  botMessages?: OutgoingMessage[];
  append: TranscriptEntry[];
  result: T;
}

/** Commits a release, tells the borrower, answers the channel with `handoff.status` completed, tells the consoles. */
async function release<T>(
  deps: DeskDeps,
  caseId: string,
  agent: DeskAgent,
  detail: string,
  decide: (record: CaseRecord, at: string) => Promise<Release<T> & { agreement?: Agreement }>,
): Promise<T & { delivered: boolean }> {
  const at = deps.clock().toISOString();
  const done = await updateCase(deps.store, caseId, async (record) => {
    assertHolds(record, agent);
    const change = await decide(record, at);
    return {
      record: change.record,
      append: change.append,
      ...(change.agreement ? { agreement: change.agreement } : {}),
      result: { ...change, agreementKind: change.agreement?.offer.kind },
    };
  });
  await deps.queue.remove(caseId);
  const { conversationRef } = done.record;
  const delivered = await deliver(deps, done.record, async () => {
    await deps.line.send(conversationRef, done.messages, agent.name);
    await deps.line.status(conversationRef, 'completed');
    await deps.line.send(conversationRef, done.botMessages ?? []);
  });
  await deps.events.publish({ type: 'case.released', caseId, at, agentId: agent.id, detail, entries: done.append });
  if (detail === 'agreed' || detail.startsWith('closed:'))
    await recordAgentOutcome(
      deps.flowMetrics,
      done.record,
      detail === 'agreed' ? 'agreed' : 'closed',
      at,
      done.agreementKind,
    );
  return { ...done.result, delivered };
}

export async function recordAgreement(deps: DeskDeps, caseId: string, agent: DeskAgent, offerId: string) {
  const recorded = await agreeOnOffer(deps, caseId, agent, offerId);
  // The agreement is committed and confirmed: a plan that fails to start is logged, the agent's answer stands.
  await deps.followUp
    ?.agreed(caseId)
    .catch((err: unknown) => deps.logger.error({ err, caseId }, 'the plan of a desk agreement could not start'));
  return recorded;
}

function agreeOnOffer(deps: DeskDeps, caseId: string, agent: DeskAgent, offerId: string) {
  return release(deps, caseId, agent, 'agreed', async (record, at) => {
    assertVerified(record);
    // A cancelled agreement is no longer in force: the case may be agreed again, under a new reference.
    const [existing, cancellations] = await Promise.all([
      deps.store.agreement(caseId),
      deps.store.cancellations(caseId),
    ]);
    const inForce = existing && !cancellations.some((cancelled) => cancelled.reference === existing.reference);
    if (record.agreementRef || inForce) throw new HttpError(409, `case ${caseId} already has an agreement`);
    const facts = negotiationFacts(record.snapshot);
    const offer = [...proposedOffers(await deps.store.transcript(caseId)), ...facts.offers].find(
      (candidate) => candidate.id === offerId,
    );
    if (!facts.account) throw new HttpError(409, `case ${caseId} has no verified account`);
    if (!offer) throw new HttpError(400, `offer ${offerId} was neither computed for this case nor proposed on it`);
    const sequence = Math.max(facts.context?.cancelledAgreements ?? 0, cancellations.length);
    const agreement = makeAgreement({ caseId, account: facts.account, offer, at, recordedBy: agent.id, sequence });
    const bundle = await bundleOf(deps, record);
    const context = { ...(facts.context ?? initialContext({ caseId: record.caseId })), chosenOffer: offer };
    const messages = renderReplies([{ type: 'say', key: 'agreement.recorded', card: 'agreement' }], {
      context,
      agreement,
      locale: record.locale,
      prompts: bundle.prompts[record.locale],
      figures: bundle.figures,
    });
    const append = [
      agentEntry(record, agent, at, 'event', 'agreement.recorded', { reference: agreement.reference, offerId }),
      ...messages.map((m) => agentEntry(record, agent, at, 'message', m.text)),
    ];
    return {
      record: {
        ...withoutHandoff(record),
        status: 'agreed' as const,
        agreementRef: agreement.reference,
        lastActivityAt: at,
      },
      agreement,
      messages,
      append,
      result: { agreement },
    };
  });
}

export function handBack(deps: DeskDeps, caseId: string, agent: DeskAgent) {
  return release(deps, caseId, agent, 'handedBack', async (record, at) => {
    const bundle = await bundleOf(deps, record);
    const resumed = resumeNegotiation({
      bundle,
      record,
      facts: negotiationFacts(record.snapshot),
      proposed: proposedOffers(await deps.store.transcript(caseId)),
    });
    const announcement = deskMessage(bundle, record, 'handoff.handedBack', { agentName: agent.name });
    const append: TranscriptEntry[] = [
      agentEntry(record, agent, at, 'event', 'case.handedBack', { resumesAt: resumed.state }),
      agentEntry(record, agent, at, 'message', announcement.text),
      ...botEntries(resumed.replies, record.channelId, at),
    ];
    return {
      record: { ...withoutHandoff(record), status: 'active' as const, snapshot: resumed.snapshot, lastActivityAt: at },
      messages: [announcement],
      botMessages: resumed.replies,
      append,
      result: { state: resumed.state },
    };
  });
}

export function closeCase(deps: DeskDeps, caseId: string, agent: DeskAgent, outcome: string, note?: string) {
  return release(deps, caseId, agent, `closed:${outcome}`, async (record, at) => {
    const message = deskMessage(await bundleOf(deps, record), record, 'handoff.closed', { agentName: agent.name });
    const question = await askSatisfaction(deps, record, agent, at);
    const append = [
      agentEntry(record, agent, at, 'event', 'case.closed', {
        by: 'agent',
        outcome,
        ...(note ? { note: maskPersonalData(note) } : {}),
      }),
      agentEntry(record, agent, at, 'message', message.text),
      ...question.append,
    ];
    const closed = { ...withoutHandoff(record), status: 'closed' as const, lastActivityAt: at };
    return {
      record: question.survey ? { ...closed, survey: question.survey } : closed,
      messages: [message],
      botMessages: question.messages,
      append,
      result: { outcome },
    };
  });
}
