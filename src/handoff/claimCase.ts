// Claiming a case: compare-and-set on the record, so two agents never hold it; a supervisor may reassign.
import type { CaseRecord } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import { HttpError } from '../errors.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import { agentEntry, bundleOf, deliver, deskMessage, type DeskAgent, type DeskDeps } from './deskDeps.js';
import { updateCase } from './updateCase.js';

export interface Claimed {
  caseId: string;
  agentId: string;
  claimedAt: string;
  delivered: boolean;
}

interface Claim {
  record: CaseRecord;
  /** Absent when this agent already held the case (claiming twice changes nothing). */
  joined?: { message: OutgoingMessage; append: TranscriptEntry[] };
}

export async function claimCase(
  deps: DeskDeps,
  caseId: string,
  agent: DeskAgent,
  options: { reassign?: boolean } = {},
): Promise<Claimed> {
  if (options.reassign && agent.role !== 'supervisor')
    throw new HttpError(403, 'only a supervisor may reassign a case');
  const at = deps.clock().toISOString();
  const claim = await updateCase<Claim>(deps.store, caseId, async (record) => {
    if (record.status !== 'escalated' || !record.handoff)
      throw new HttpError(409, `case ${caseId} is ${record.status}, not waiting for a person`);
    const holder = record.handoff.agentId;
    if (record.handoff.forSupervisors && !holder && agent.role !== 'supervisor')
      throw new HttpError(403, `case ${caseId} waits for a supervisor`);
    if (holder === agent.id) return { record, append: [], result: { record } };
    if (holder && !options.reassign) throw new HttpError(409, `case ${caseId} is already held by ${holder}`);
    const message = deskMessage(await bundleOf(deps, record), record, 'handoff.agentJoined', { agentName: agent.name });
    const next = { ...record, handoff: { ...record.handoff, agentId: agent.id, claimedAt: at }, lastActivityAt: at };
    const append = [
      agentEntry(record, agent, at, 'event', 'case.claimed', {
        agentName: agent.name,
        ...(holder ? { reassignedFrom: holder } : {}),
      }),
      agentEntry(record, agent, at, 'message', message.text),
    ];
    return { record: next, append, result: { record: next, joined: { message, append } } };
  });
  const { record, joined } = claim;
  const claimedAt = record.handoff?.claimedAt ?? at;
  if (!joined) return { caseId, agentId: agent.id, claimedAt, delivered: true };
  await deps.queue.remove(caseId);
  const delivered = await deliver(deps, record, async () => {
    await deps.line.status(record.conversationRef, 'accepted');
    await deps.line.send(record.conversationRef, [joined.message], agent.name);
  });
  await deps.events.publish({ type: 'case.claimed', caseId, at, agentId: agent.id, entries: joined.append });
  await deps.events.publish({ type: 'queue.changed', caseId, at });
  return { caseId, agentId: agent.id, claimedAt, delivered };
}
