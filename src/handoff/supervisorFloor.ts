// The supervisor's view of the floor: who is online with how many cases, the queue by priority, today's outcomes.
import type { DeskDeps } from './deskDeps.js';
import type { DeskCase } from './deskIndex.js';
import { listQueue } from './deskQueue.js';
import { satisfactionByAgent } from './satisfactionSurvey.js';

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
const average = (values: number[]) =>
  values.length === 0 ? undefined : Math.round(values.reduce((a, b) => a + b, 0) / values.length);

export async function supervisorFloor(
  deps: Pick<DeskDeps, 'index' | 'staff' | 'presence' | 'store' | 'queue' | 'clock'>,
) {
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const [cases, queue] = await Promise.all([deps.index.list(), listQueue(deps)]);
  const online = new Set(deps.presence.online());
  const held = (agentId: string) => cases.filter((c) => c.status === 'escalated' && c.agentId === agentId).length;
  const endedToday = cases.filter((c) => c.closedAt?.startsWith(today));
  const outcomes: Record<string, number> = {};
  for (const c of endedToday) if (c.outcome) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
  const answeredToday = cases.filter((c): c is DeskCase & { firstResponseAt: string } =>
    Boolean(c.firstResponseAt?.startsWith(today)),
  );
  return {
    agents: deps.staff.map((agent) => ({ ...agent, online: online.has(agent.id), load: held(agent.id) })),
    queue: queue.map(({ caseId, priority, reason, waitingSeconds }) => ({ caseId, priority, reason, waitingSeconds })),
    today: {
      agreements: endedToday.filter((c) => c.status === 'agreed').length,
      outcomes,
      averageFirstResponseSeconds: average(answeredToday.map((c) => seconds(c.queuedAt, c.firstResponseAt))) ?? null,
    },
    satisfaction: satisfactionByAgent(cases, deps.staff),
  };
}
