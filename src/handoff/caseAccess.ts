// Who on the desk may see what: an agent sees the queue and their own cases, a supervisor every case.
import type { CaseRecord } from '../domain/case.js';
import { HttpError } from '../errors.js';
import type { CaseEvent } from './caseEvents.js';
import type { DeskAgent } from './deskDeps.js';
import type { DeskCase } from './deskIndex.js';

const isSupervisor = (agent: DeskAgent) => agent.role === 'supervisor';

/**
 * Throws 403 unless the agent may read the case: supervisors always; agents a case waiting in their queue, a case
 * they hold, or an ended one they worked (from the desk index). The record decides who holds it now.
 */
export function assertMayRead(record: CaseRecord, summary: DeskCase | undefined, agent: DeskAgent): void {
  if (isSupervisor(agent)) return;
  const handoff = record.status === 'escalated' ? record.handoff : undefined;
  if (handoff && !handoff.agentId && !handoff.forSupervisors) return;
  if (handoff?.agentId === agent.id) return;
  const worked = !handoff && summary !== undefined && (summary.agentId === agent.id || summary.closedBy === agent.id);
  if (worked) return;
  throw new HttpError(
    403,
    handoff?.agentId
      ? `case ${record.caseId} is held by another agent (a supervisor may read it)`
      : `case ${record.caseId} is not in your queue or among your cases`,
  );
}

/** Who holds the case once the event is published, and which queue it waits in: the stream sends it only to them. */
export function audienceOf(summary: DeskCase | undefined): Pick<CaseEvent, 'heldBy' | 'waitingFor'> {
  if (!summary || summary.status !== 'escalated') return {};
  if (summary.agentId) return { heldBy: summary.agentId };
  return { waitingFor: summary.forSupervisors ? 'supervisors' : 'agents' };
}

/** An agent hears about the queue, the cases they hold, and what they did themselves; a supervisor hears everything. */
export function mayHear(event: CaseEvent, agent: DeskAgent): boolean {
  if (isSupervisor(agent)) return true;
  if (event.waitingFor === 'agents' || event.heldBy === agent.id) return true;
  // A claim, release or transfer the agent made or received (the case may have left them with it).
  if (event.type !== 'transcript.appended' && (event.agentId === agent.id || event.toAgentId === agent.id)) return true;
  // The queue changed: the console reloads the queue, which it may see; the event carries no case content.
  return event.type === 'queue.changed' && !event.entries;
}
