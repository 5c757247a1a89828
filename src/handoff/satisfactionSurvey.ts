// The satisfaction survey an agent's close sends the borrower (answers: src/conversation/surveyAnswer.ts), and its figures per agent.
import { surveyMessage } from '../conversation/surveyAnswer.js';
import type { CaseRecord, Survey } from '../domain/case.js';
import type { TranscriptEntry } from '../domain/transcript.js';
import type { OutgoingMessage } from '../conversation/render/renderReplies.js';
import { bundleOf, type DeskAgent, type DeskDeps } from './deskDeps.js';
import type { DeskCase } from './deskIndex.js';

export interface SurveyQuestion {
  survey?: Survey;
  messages: OutgoingMessage[];
  append: TranscriptEntry[];
}

/** The one question after a close, in the borrower's language; none for a borrower who opted out of contact. */
export async function askSatisfaction(
  deps: Pick<DeskDeps, 'dialogs' | 'store'>,
  record: CaseRecord,
  agent: DeskAgent,
  at: string,
): Promise<SurveyQuestion> {
  const transcript = await deps.store.transcript(record.caseId);
  if (record.survey || transcript.some((entry) => entry.kind === 'event' && entry.text === 'contact.optedOut'))
    return { messages: [], append: [] };
  const question = surveyMessage(await bundleOf(deps, record), record.locale, 'survey.ask');
  const entry = (kind: 'event' | 'message', text: string, data?: Record<string, unknown>): TranscriptEntry => ({
    at,
    actor: 'bot',
    channelId: record.channelId,
    kind,
    text,
    ...(data ? { data } : {}),
  });
  return {
    survey: { agentId: agent.id, askedAt: at, state: 'rating' },
    messages: [question],
    append: [entry('event', 'survey.asked', { agentId: agent.id }), entry('message', question.text)],
  };
}

export interface AgentSatisfaction {
  agentId: string;
  name: string;
  /** Average rating to one decimal, null before the first answer. */
  average: number | null;
  count: number;
}

/** Ratings per agent over the cases the desk has seen (each case rated once). */
export function satisfactionByAgent(cases: readonly DeskCase[], staff: readonly DeskAgent[]): AgentSatisfaction[] {
  return staff.map((agent) => {
    const ratings = cases
      .filter((c) => c.rating !== undefined && (c.ratedAgentId ?? c.closedBy) === agent.id)
      .map((c) => c.rating!);
    const sum = ratings.reduce((a, b) => a + b, 0);
    return {
      agentId: agent.id,
      name: agent.name,
      average: ratings.length ? Math.round((sum / ratings.length) * 10) / 10 : null,
      count: ratings.length,
    };
  });
}
