// The supervisor's floor: agents online and their load, today's outcomes, the queue by priority, satisfaction per agent.
import { el, outcomeText } from './consoleView.js';
import { $, state } from './consoleState.js';

export async function renderFloor() {
  const floor = await state.api.floor().catch(() => undefined);
  if (!floor) return;
  const words = state.words;
  $('floor-agents').replaceChildren(
    ...floor.agents.map((agent) =>
      el('li', {}, `${agent.name} · ${agent.online ? words.online : words.away} · ${words.load} ${agent.load}`),
    ),
  );
  $('floor-today').replaceChildren(
    el('li', {}, `${words.agreements}: ${floor.today.agreements}`),
    ...Object.entries(floor.today.outcomes).map(([code, count]) =>
      el('li', {}, `${outcomeText({ outcome: code }, words)}: ${count}`),
    ),
    el('li', {}, `${words.avgFirstResponse}: ${floor.today.averageFirstResponseSeconds ?? '—'} ${words.seconds}`),
    ...floor.queue.map((item) =>
      el(
        'li',
        {},
        `${words.priorities[item.priority]} · ${words.reasons[item.reason]} · ${words.waiting} ${Math.floor(item.waitingSeconds / 60)} ${words.minutes}`,
      ),
    ),
  );
  $('floor-satisfaction').replaceChildren(
    ...floor.satisfaction.map((agent) =>
      el(
        'li',
        { 'data-agent': agent.agentId },
        `${agent.name} · ${agent.average === null ? '—' : `${agent.average.toFixed(1)}/5`} · ${agent.count} ${words.ratings}`,
      ),
    ),
  );
}
