// An agent talking to the borrower: a chat message, or an offer computed by the rules module.
import { initialContext } from '../../machines/context.js';
import { renderReplies } from '../conversation/render/renderReplies.js';
import { maskPersonalData } from '../domain/maskPersonalData.js';
import type { Offer } from '../domain/offers/offer.js';
import { HttpError } from '../errors.js';
import {
  agentEntry,
  assertHolds,
  assertVerified,
  bundleOf,
  deliver,
  deskMessage,
  type DeskAgent,
  type DeskDeps,
} from './deskDeps.js';
import { negotiationFacts } from './negotiationFacts.js';
import { proposeOffer, type Proposal } from './proposeOffer.js';
import { updateCase } from './updateCase.js';

export async function sayToBorrower(
  deps: DeskDeps,
  caseId: string,
  agent: DeskAgent,
  text: string,
): Promise<{ delivered: boolean }> {
  const at = deps.clock().toISOString();
  const { record, message, entry } = await updateCase(deps.store, caseId, async (record) => {
    assertHolds(record, agent);
    const message = {
      ...deskMessage(await bundleOf(deps, record), record, 'handoff.agentSays', { agentName: agent.name, text }),
      textFormat: 'plain' as const,
    };
    const entry = agentEntry(record, agent, at, 'message', maskPersonalData(text));
    return { record: { ...record, lastActivityAt: at }, append: [entry], result: { record, message, entry } };
  });
  const delivered = await deliver(deps, record, () => deps.line.send(record.conversationRef, [message], agent.name));
  await deps.events.publish({ type: 'transcript.appended', caseId, at, agentId: agent.id, entries: [entry] });
  return { delivered };
}

export async function proposeToBorrower(
  deps: DeskDeps,
  caseId: string,
  agent: DeskAgent,
  proposal: Proposal,
): Promise<{ offer: Offer; delivered: boolean }> {
  const at = deps.clock().toISOString();
  const role = agent.role === 'supervisor' ? 'supervisor' : 'agent';
  const { record, offer, message, append } = await updateCase(deps.store, caseId, async (record) => {
    assertHolds(record, agent);
    assertVerified(record);
    const facts = negotiationFacts(record.snapshot);
    if (!facts.account) throw new HttpError(409, `case ${caseId} has no verified account: an offer needs one`);
    // The policy of the version this conversation runs on, as the bot's own offers use.
    const bundle = await bundleOf(deps, record);
    const offer = proposeOffer({
      account: facts.account,
      hardship: facts.hardship,
      policy: bundle.policy,
      role,
      proposal,
    });
    const context = {
      ...(facts.context ?? initialContext({ caseId: record.caseId })),
      offers: [offer],
      presentedIds: [offer.id],
    };
    const [rendered] = renderReplies([{ type: 'say', key: 'handoff.offerProposed', card: 'offers' }], {
      context,
      locale: record.locale,
      prompts: bundle.prompts[record.locale],
      figures: bundle.figures,
    });
    const message = {
      ...rendered!,
      text: deskMessage(bundle, record, 'handoff.offerProposed', { agentName: agent.name }).text,
    };
    const append = [
      agentEntry(record, agent, at, 'event', 'offer.proposed', { offer, proposal }),
      agentEntry(record, agent, at, 'message', message.text, { offerIds: [offer.id] }),
    ];
    return { record: { ...record, lastActivityAt: at }, append, result: { record, offer, message, append } };
  });
  const delivered = await deliver(deps, record, () => deps.line.send(record.conversationRef, [message], agent.name));
  await deps.events.publish({ type: 'transcript.appended', caseId, at, agentId: agent.id, entries: append });
  return { offer, delivered };
}
