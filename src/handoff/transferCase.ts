// Transfer: the holder (or a supervisor) passes a case to another agent, or to the supervisors' queue, with a note.
import { maskPersonalData } from '../domain/maskPersonalData.js';
import { HttpError } from '../errors.js';
import { NOTE_EVENT } from './addNote.js';
import { agentEntry, assertHolds, type DeskAgent, type DeskDeps } from './deskDeps.js';
import { updateCase } from './updateCase.js';

export interface TransferTarget {
  /** The agent who takes the case over; absent: the supervisors' queue. */
  to?: DeskAgent;
  note?: string;
}

export async function transferCase(
  deps: DeskDeps,
  caseId: string,
  agent: DeskAgent,
  target: TransferTarget,
): Promise<{ agentId?: string; forSupervisors: boolean }> {
  const at = deps.clock().toISOString();
  const { to, note } = target;
  if (to?.id === agent.id) throw new HttpError(400, 'a case cannot be transferred to the agent who holds it');
  const { record, append } = await updateCase(deps.store, caseId, (record) => {
    assertHolds(record, agent);
    const handoff = record.handoff!;
    const next = to
      ? { ...record, handoff: { ...handoff, agentId: to.id, claimedAt: at, forSupervisors: false }, lastActivityAt: at }
      : {
          ...record,
          handoff: {
            reason: handoff.reason,
            priority: handoff.priority,
            queuedAt: handoff.queuedAt,
            forSupervisors: true,
          },
          lastActivityAt: at,
        };
    const append = [
      agentEntry(record, agent, at, 'event', 'case.transferred', {
        from: handoff.agentId,
        ...(to ? { to: to.id } : { to: 'supervisors' }),
      }),
      ...(note ? [agentEntry(record, agent, at, 'event', NOTE_EVENT, { note: maskPersonalData(note) })] : []),
    ];
    return { record: next, append, result: { record: next, append } };
  });
  const handoff = record.handoff!;
  if (!to)
    await deps.queue.enqueue({
      caseId,
      reason: handoff.reason,
      priority: handoff.priority,
      queuedAt: handoff.queuedAt,
    });
  await deps.events.publish({
    type: 'case.transferred',
    caseId,
    at,
    agentId: agent.id,
    ...(to ? { toAgentId: to.id } : {}),
    entries: append,
  });
  await deps.events.publish({ type: 'queue.changed', caseId, at });
  return { ...(to ? { agentId: to.id } : {}), forSupervisors: !to };
}
