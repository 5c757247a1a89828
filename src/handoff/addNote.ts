// Internal notes on a case: kept in the transcript apart, shown to agents only, never sent to the borrower.
import { maskPersonalData } from '../domain/maskPersonalData.js';
import { HttpError } from '../errors.js';
import { agentEntry, type DeskAgent, type DeskDeps } from './deskDeps.js';
import { updateCase } from './updateCase.js';

/** The transcript event of a note; consoles show it apart, the borrower's channel never gets it. */
export const NOTE_EVENT = 'note.added';

export async function addNote(deps: DeskDeps, caseId: string, agent: DeskAgent, text: string): Promise<{ at: string }> {
  const at = deps.clock().toISOString();
  const entry = await updateCase(deps.store, caseId, (record) => {
    // Anyone at the desk may annotate a case that reached it; an agent only the ones they hold or that wait in the queue.
    if (!record.handoff && record.status === 'active')
      throw new HttpError(409, `case ${caseId} is with the bot, not the desk`);
    const holder = record.handoff?.agentId;
    if (holder && holder !== agent.id && agent.role !== 'supervisor')
      throw new HttpError(409, `case ${caseId} is held by another agent`);
    const entry = agentEntry(record, agent, at, 'event', NOTE_EVENT, { note: maskPersonalData(text) });
    return { record, append: [entry], result: entry };
  });
  await deps.events.publish({ type: 'transcript.appended', caseId, at, entries: [entry] });
  return { at };
}
