// The console's views of the desk index (queue, mine, waiting for the borrower, all open, closed) with filters and search.
import { z } from 'zod';
import { LocaleSchema } from '../domain/account.js';
import { EscalationReasonSchema, PrioritySchema } from '../domain/case.js';
import { TIERS } from '../domain/tier.js';
import { HttpError } from '../errors.js';
import { compareQueued } from '../store/queueOrder.js';
import type { DeskAgent } from './deskDeps.js';
import type { DeskCase, DeskIndex } from './deskIndex.js';

export const DESK_VIEWS = ['queue', 'mine', 'waiting', 'open', 'closed'] as const;

export const CaseListQuerySchema = z.strictObject({
  view: z.enum(DESK_VIEWS).default('mine'),
  /** Account reference, case id or agreement reference (any part, any case). */
  q: z.string().trim().max(100).optional(),
  reason: EscalationReasonSchema.optional(),
  priority: PrioritySchema.optional(),
  locale: LocaleSchema.optional(),
  tier: z.enum(TIERS).optional(),
  agentId: z.string().optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

const isOpen = (c: DeskCase) => c.status === 'escalated';
const isEnded = (c: DeskCase) => c.status === 'agreed' || c.status === 'closed';
const workedBy = (c: DeskCase, agent: DeskAgent) => c.agentId === agent.id || c.closedBy === agent.id;

const VIEWS: Record<(typeof DESK_VIEWS)[number], (c: DeskCase, agent: DeskAgent) => boolean> = {
  queue: (c, agent) => isOpen(c) && !c.agentId && (!c.forSupervisors || agent.role === 'supervisor'),
  mine: (c, agent) => isOpen(c) && c.agentId === agent.id,
  // Held, and the agent spoke last: the ball is in the borrower's court.
  waiting: (c, agent) =>
    isOpen(c) &&
    Boolean(c.agentId) &&
    (c.agentId === agent.id || agent.role === 'supervisor') &&
    Boolean(c.lastAgentAt) &&
    (c.lastBorrowerAt ?? '') < c.lastAgentAt!,
  open: (c) => isOpen(c),
  closed: (c, agent) => isEnded(c) && (agent.role === 'supervisor' || workedBy(c, agent)),
};

/** An agent sees the queue, their own cases and the ended cases they worked; a supervisor sees every case. */
function visible(c: DeskCase, agent: DeskAgent): boolean {
  return agent.role === 'supervisor' || VIEWS.queue(c, agent) || workedBy(c, agent);
}

export async function listCases(index: DeskIndex, agent: DeskAgent, query: CaseListQuery): Promise<DeskCase[]> {
  if (query.view === 'open' && agent.role !== 'supervisor')
    throw new HttpError(403, 'only supervisors see every open case');
  const needle = query.q?.toLowerCase();
  const cases = (await index.list()).filter(
    (c) =>
      visible(c, agent) &&
      // A search looks through every view the agent may see; without one, the view decides.
      (needle
        ? [c.caseId, c.accountRef, c.reference].some((field) => field?.toLowerCase().includes(needle))
        : VIEWS[query.view](c, agent)) &&
      (!query.reason || c.reason === query.reason) &&
      (!query.priority || c.priority === query.priority) &&
      (!query.locale || c.locale === query.locale) &&
      (!query.tier || c.tier === query.tier) &&
      (!query.agentId || c.agentId === query.agentId),
  );
  return query.view === 'queue' && !needle
    ? cases.sort(compareQueued)
    : cases.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}
